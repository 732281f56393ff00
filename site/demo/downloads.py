"""The demo's downloads: posters, leaflets, lesson plans and a parents' handbook as real PDF
documents with real text (jindu.uploads.pdf), for teachers, parents and communities to print.

Their facts follow the public prevention material of the National Narcotics Control Commission
(中国禁毒网) and of the anti-drug social work agencies named in jindu.demo.content; the lesson
plans follow the shape of the class-meeting plans Shanghai schools use (a 40-minute 主题班会)."""

HOTLINE_NOTE_ZH = "遇到困难，请拨打24小时求助热线，或联系所在区的禁毒社工站。（演示资料）"
HOTLINE_NOTE_EN = (
    "Need help? Call the 24-hour help hotline or your district's work station. (Demo material)"
)

RESOURCES = [
    {
        "title": "6·26国际禁毒日海报",
        "description": "适合张贴在学校和社区的禁毒宣传海报：珍爱生命，远离毒品。",
        "resource_type": "poster",
        "language": "zh-hans",
        "audiences": ["junior", "senior", "residents", "teachers"],
        "pdf": {
            "kind": "poster",
            "title": "珍爱生命 远离毒品",
            "slogan": "6月26日 国际禁毒日",
            "sections": [
                (
                    "",
                    [
                        [
                            "毒品不只是海洛因和冰毒：奶茶、糖果、邮票、电子烟都可能是伪装",
                            "很多毒品第一次使用就可能上瘾",
                            "不接受陌生人的饮料、零食和电子烟",
                            "吸毒违法，贩毒是犯罪",
                            "遇到困难，向家人、老师和禁毒社工求助",
                        ]
                    ],
                )
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "学会拒绝：五种说“不”的方法",
        "description": "教室和社区张贴用海报：面对毒品诱惑时怎样拒绝。",
        "resource_type": "poster",
        "language": "zh-hans",
        "audiences": ["primary", "junior", "senior", "vocational", "teachers"],
        "pdf": {
            "kind": "poster",
            "title": "学会拒绝",
            "slogan": "五种说“不”的方法",
            "sections": [
                (
                    "",
                    [
                        [
                            "直接拒绝：“不，我不要。”",
                            "说明理由：“我不想伤害自己的身体。”",
                            "转移话题：“我们去打球吧。”",
                            "马上离开：不想待就走，不需要解释",
                            "寻求帮助：告诉家长、老师或拨打求助热线",
                        ]
                    ],
                )
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "新型毒品识别宣传单",
        "description": "识别伪装成奶茶、糖果、邮票和电子烟的新型毒品。",
        "resource_type": "leaflet",
        "language": "zh-hans",
        "audiences": ["parents", "junior", "senior", "residents"],
        "pdf": {
            "title": "当心伪装成零食和饮料的新型毒品",
            "sections": [
                (
                    "它们看起来像什么",
                    [
                        "新型毒品常被做成奶茶粉、咖啡包、跳跳糖、软糖、印有卡通图案的“邮票”纸片或电子烟油，包装精美，外观与普通零食饮料几乎一样。",
                    ],
                ),
                (
                    "怎样识别",
                    [
                        [
                            "来历不明：不是在正规商店买的，由陌生人或“朋友的朋友”提供",
                            "价格异常：特别便宜或特别贵，要求私下交易",
                            "说法可疑：“提神”“解压”“上头”“不上瘾”",
                            "包装异常：没有生产厂家、生产日期，或写着“不供人类使用”",
                        ]
                    ],
                ),
                (
                    "怎样保护自己",
                    [
                        [
                            "不接受陌生人的饮料、零食和电子烟",
                            "聚会时饮料不离开自己的视线",
                            "感觉身体异常，立即告诉身边可信的人并拨打120",
                        ]
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "Know the risks: a leaflet for parents",
        "description": "Signs to watch for and how to talk to your children about drugs.",
        "resource_type": "leaflet",
        "language": "en",
        "audiences": ["parents"],
        "pdf": {
            "title": "Know the risks: a leaflet for parents",
            "sections": [
                (
                    "Why talk early",
                    [
                        "Children who have talked with their parents about drugs are less likely to try them. You do not need to be an expert: being honest and calm matters more than knowing every drug.",
                    ],
                ),
                (
                    "Signs that something may be wrong",
                    [
                        [
                            "Sudden changes in sleep, appetite or weight",
                            "Falling grades, missed classes, lost interest in hobbies",
                            "New friends they will not talk about, secrecy about their phone",
                            "Unexplained money needs, missing things at home",
                            "Unfamiliar vapes, sachets, pills or small bags",
                        ],
                        "One sign alone proves nothing: teenagers change. Several together are a reason to talk.",
                    ],
                ),
                (
                    "How to start",
                    [
                        [
                            "Pick a calm moment, not in the middle of an argument",
                            "Ask what they have heard and listen before you speak",
                            "Say what worries you and why, without accusing",
                            "Agree on what they can do if they are offered drugs",
                        ]
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_EN,
        },
    },
    {
        "title": "家长手册：和孩子谈毒品",
        "description": "给家长的小册子：需要留意的迹象，怎样开口，发现问题后怎么办。",
        "resource_type": "handbook",
        "language": "zh-hans",
        "audiences": ["parents"],
        "pdf": {
            "title": "家长手册：和孩子谈毒品",
            "sections": [
                (
                    "为什么要早谈",
                    [
                        "和父母谈过毒品的孩子，尝试毒品的可能性更低。家长不需要是专家，坦诚和冷静比懂得所有毒品更重要。",
                    ],
                ),
                (
                    "需要留意的迹象",
                    [
                        [
                            "作息、食欲、体重突然改变",
                            "成绩下滑、逃课，对原来的爱好失去兴趣",
                            "结交不愿提起的新朋友，对手机格外保密",
                            "经常要钱却说不清用途，家中财物丢失",
                            "出现陌生的电子烟、小包装、药片或锡纸",
                        ],
                        "一个迹象不能说明什么，青春期本来就会变化；几个迹象同时出现，就是该好好谈谈的时候。",
                    ],
                ),
                (
                    "怎样开口",
                    [
                        [
                            "选一个平静的时间，不要在争吵时谈",
                            "先问孩子听说过什么，多听少说",
                            "说出你的担心和原因，不指责、不贴标签",
                            "一起商量被人递毒品时可以怎么拒绝、怎么离开",
                        ]
                    ],
                ),
                (
                    "发现问题怎么办",
                    [
                        "保持冷静，先保证孩子安全。身体异常时拨打120。需要建议时拨打24小时求助热线，或联系所在区的禁毒社工站，社工会为你和孩子保密。主动求助的青少年依法受到保护。",
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "小学禁毒知识课教案：认识毒品，保护自己",
        "description": "小学高年级一节40分钟的禁毒知识课教案，含导入、讲解、游戏和小结。",
        "resource_type": "lesson",
        "language": "zh-hans",
        "audiences": ["teachers", "primary"],
        "pdf": {
            "title": "小学禁毒知识课教案：认识毒品，保护自己",
            "slogan": "适用年级：四至六年级　课时：40分钟",
            "sections": [
                (
                    "教学目标",
                    [
                        [
                            "知道什么是毒品，认识毒品的几种伪装",
                            "懂得不接受陌生人的食物和饮料",
                            "学会两种拒绝的方法，知道向谁求助",
                        ]
                    ],
                ),
                (
                    "教学准备",
                    ["禁毒宣传挂图或投影；“真假零食”图片卡片若干；“学会拒绝”海报（本站可下载）。"],
                ),
                (
                    "教学过程",
                    [
                        "一、导入（5分钟）：出示奶茶、糖果、邮票图片，请学生说说哪些可能有危险，引出“伪装的毒品”。",
                        "二、认识毒品（10分钟）：讲解毒品是让人上瘾、伤害身体、违反法律的东西；看图认识常见伪装。",
                        "三、游戏“真假零食”（10分钟）：分组判断卡片上的物品是否来历不明，说出理由。",
                        "四、学会拒绝（10分钟）：情景表演“陌生人递来的饮料”，练习直接拒绝和马上离开。",
                        "五、小结（5分钟）：齐读“不接受、不尝试、会拒绝、找大人”；布置与家长分享所学的家庭作业。",
                    ],
                ),
                ("课后延伸", ["请学生和家长一起完成网站上的禁毒知识小测验。"]),
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "初中禁毒主题班会教案",
        "description": "一节40分钟的禁毒主题班会课教案：新型毒品、同伴压力与拒绝技巧。",
        "resource_type": "lesson",
        "language": "zh-hans",
        "audiences": ["teachers", "junior"],
        "pdf": {
            "title": "初中禁毒主题班会教案：看清伪装，学会拒绝",
            "slogan": "适用年级：初一至初三　课时：40分钟",
            "sections": [
                (
                    "教学目标",
                    [
                        [
                            "了解新型毒品的伪装形式和危害",
                            "认识同伴压力，掌握三种拒绝技巧",
                            "知道遇到问题时的求助渠道",
                        ]
                    ],
                ),
                (
                    "教学准备",
                    [
                        "课件；案例材料（依托咪酯电子烟、合成大麻素）；分组讨论卡；本站“新型毒品识别宣传单”。"
                    ],
                ),
                (
                    "教学过程",
                    [
                        "一、导入（5分钟）：“上头电子烟”新闻片段，提问：它和普通电子烟有什么区别？",
                        "二、知识讲解（10分钟）：新型毒品的伪装、危害和法律后果；纠正“新型毒品不上瘾”等误区。",
                        "三、案例讨论（10分钟）：分组讨论“朋友在聚会上递来电子烟”的案例，找出危险信号。",
                        "四、拒绝技巧（10分钟）：角色扮演，练习说明理由、转移话题、马上离开。",
                        "五、总结（5分钟）：写下一句给自己的承诺；介绍求助热线和禁毒社工。",
                    ],
                ),
                (
                    "教学提示",
                    [
                        "不展示吸毒过程的细节；讨论中保护学生隐私，发现需要帮助的学生，课后单独关心并联系禁毒社工。"
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "高中禁毒主题班会教案：毒品与法律",
        "description": "高中一节40分钟的班会课教案：我国禁毒法律、真实案例与个人选择。",
        "resource_type": "lesson",
        "language": "zh-hans",
        "audiences": ["teachers", "senior", "vocational"],
        "pdf": {
            "title": "高中禁毒主题班会教案：毒品与法律",
            "slogan": "适用年级：高一至高三、职校　课时：40分钟",
            "sections": [
                (
                    "教学目标",
                    [
                        [
                            "了解《禁毒法》《刑法》对吸毒、贩毒的规定",
                            "明白“境外合法”不等于国内合法",
                            "学会在复杂环境中保护自己",
                        ]
                    ],
                ),
                (
                    "教学过程",
                    [
                        "一、导入（5分钟）：讨论“在国外吸大麻回国就没事吗？”",
                        "二、法律讲解（12分钟）：吸毒的行政处罚与戒毒措施；贩卖、运输毒品不论数量都要追究刑事责任；容留、引诱他人吸毒的后果。",
                        "三、案例分析（13分钟）：青少年“帮朋友带东西”被判运输毒品的案例，分组分析每个选择点。",
                        "四、讨论与总结（10分钟）：如果身边有人吸毒，我可以做什么？介绍求助热线、禁毒社工和举报渠道。",
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_ZH,
        },
    },
    {
        "title": "Drug prevention lesson plan (English, 40 minutes)",
        "description": "A 40-minute lesson for secondary classes taught in English: disguised drugs and refusal skills.",
        "resource_type": "lesson",
        "language": "en",
        "audiences": ["teachers", "junior", "senior"],
        "pdf": {
            "title": "Drug prevention lesson plan: see through the disguise",
            "slogan": "Secondary school, 40 minutes",
            "sections": [
                (
                    "Aims",
                    [
                        [
                            "Recognise how new drugs are disguised as snacks, drinks and vapes",
                            "Understand peer pressure and practise three ways to say no",
                            "Know where to get help",
                        ]
                    ],
                ),
                (
                    "Lesson",
                    [
                        "1. Starter (5 min): pictures of milk tea, sweets and a vape: which could be dangerous, and why?",
                        "2. Explain (10 min): what drugs do to the brain and body, the law in China, common myths.",
                        "3. Case discussion (10 min): a friend offers a vape at a party. What are the warning signs?",
                        "4. Role play (10 min): give a reason, change the subject, walk away.",
                        "5. Plenary (5 min): one promise to yourself; the hotline and the social workers.",
                    ],
                ),
            ],
            "footer": HOTLINE_NOTE_EN,
        },
    },
]
