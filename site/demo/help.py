"""The demo's help path and audience portals (issue 18): what a worried parent, friend or
teacher needs — signs to watch for, how to start the conversation, what the social workers do,
how to reach them and how to report drug crime — and a door for students, parents, teachers
and residents that leads to what was written for them.

The guidance follows the public material of the National Narcotics Control Commission and of
the Shanghai and Shenzhen anti-drug social work agencies (jindu.demo.content lists them); the
law cited is the Anti-Drug Law (《禁毒法》, 2008), article 9 on reporting and the protection and
rewarding of those who report."""

HELP_SECTION = {
    "key": "help",
    "slug": "qiuzhu",
    "en_slug": "get-help",
    "zh": {
        "title": "寻求帮助",
        "intro": "<p>担心自己或身边的人？这里有需要留意的迹象、怎样开口、禁毒社工能做什么，以及如何举报毒品违法犯罪。</p>",
    },
    "en": {
        "title": "Get help",
        "intro": "<p>Worried about yourself or someone close? Signs to watch for, how to start the conversation, what the social workers do, and how to report drug crime.</p>",
    },
}


def help_article(slug, audiences, zh, en, image="community", date="2026-05-20"):
    return {
        "section": "help",
        "slug": slug,
        "en_slug": slug,
        "date": date,
        "tags": ["求助", "家长"],
        "audiences": audiences,
        "image": image,
        "zh": {"source": "禁毒社工站", **zh},
        "en": {"source": "Anti-drug social work stations", **en},
    }


HELP_ARTICLES = [
    help_article(
        "signs",
        ["parents", "teachers", "residents"],
        {
            "title": "可能接触毒品的迹象",
            "intro": "身体、行为和物品上的变化，哪些值得留意；为什么一个迹象不能说明问题。",
            "body": [
                (
                    "paragraph",
                    "<p>青少年本来就在变化，很多迹象也可能来自学习压力、情绪问题或身体疾病。留意的目的不是给孩子“定罪”，而是及早发现需要关心的时刻。</p>",
                ),
                ("heading", {"text": "身体上的变化", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "留意",
                        "facts": [
                            "作息颠倒，几天不睡或整天昏睡",
                            "食欲和体重明显变化",
                            "瞳孔异常放大或缩小，眼睛发红",
                            "经常流鼻涕、鼻子出血（鼻吸）",
                            "手臂上有针眼，天热也穿长袖",
                            "身上有特殊气味，手指或嘴唇有烫痕",
                        ],
                    },
                ),
                ("heading", {"text": "行为上的变化", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "留意",
                        "facts": [
                            "成绩突然下滑、逃课",
                            "对原来的爱好和朋友失去兴趣",
                            "结交不愿提起的新朋友，对手机格外保密",
                            "情绪大起大落，易怒或消沉",
                            "经常要钱却说不清用途，家中财物丢失",
                        ],
                    },
                ),
                ("heading", {"text": "物品上的线索", "level": "h2"}),
                (
                    "paragraph",
                    "<p>陌生的电子烟或烟弹、没有标签的小包装粉末或药片、锡纸、吸管、小秤、印有卡通图案的“邮票”纸片，以及“奶茶”“咖啡包”之类来历不明的零食饮料。</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "只要发现一个迹象，就说明孩子在吸毒。",
                        "fact": "一个迹象说明不了什么。几个迹象同时出现、持续一段时间，才是该好好谈一谈、必要时寻求专业帮助的时候。",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "不确定怎么办？",
                        "text": "拨打24小时求助热线，把你看到的情况告诉社工。你不需要先确定孩子是否吸毒，社工会为你保密。",
                        "phone": "",
                    },
                ),
            ],
        },
        {
            "title": "Signs to watch for",
            "intro": "Changes in body, behaviour and belongings worth noticing, and why one sign alone proves nothing.",
            "body": [
                (
                    "paragraph",
                    "<p>Teenagers change anyway, and many signs can come from exam stress, low mood or illness. Noticing is not about convicting your child; it is about spotting early when they need you.</p>",
                ),
                ("heading", {"text": "Changes in the body", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "Notice",
                        "facts": [
                            "Days without sleep, or sleeping all day",
                            "Marked changes in appetite and weight",
                            "Unusually large or small pupils, red eyes",
                            "A constantly runny or bleeding nose (snorting)",
                            "Needle marks; long sleeves in hot weather",
                            "Strange smells, burn marks on fingers or lips",
                        ],
                    },
                ),
                ("heading", {"text": "Changes in behaviour", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "Notice",
                        "facts": [
                            "Sudden fall in grades, missed classes",
                            "Lost interest in old hobbies and friends",
                            "New friends never talked about, secrecy about the phone",
                            "Big mood swings, irritability or withdrawal",
                            "Asking for money without saying why, things missing at home",
                        ],
                    },
                ),
                ("heading", {"text": "Clues among belongings", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Unfamiliar vapes or pods, unlabelled powders or pills in small bags, foil, straws, small scales, cartoon paper “stamps”, and “milk tea” or “coffee” sachets of unknown origin.</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "One sign means my child is using drugs.",
                        "fact": "One sign says little. Several signs together, lasting a while, are the time to talk properly and, if needed, to get professional help.",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "Not sure what to do?",
                        "text": "Call the 24-hour help hotline and tell a social worker what you have noticed. You do not need to be sure first, and what you say stays confidential.",
                        "phone": "",
                    },
                ),
            ],
        },
    ),
    help_article(
        "how-to-talk",
        ["parents", "teachers"],
        {
            "title": "怎样和孩子谈毒品",
            "intro": "选好时机、多听少说、不指责：家长、老师和朋友都能用的开口方法。",
            "body": [
                (
                    "paragraph",
                    "<p>研究和一线社工的经验都表明：和父母谈过毒品的孩子，尝试毒品的可能性更低。你不需要是专家，诚实、冷静、愿意倾听，比懂得所有毒品更重要。</p>",
                ),
                ("heading", {"text": "开口前", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "准备",
                        "facts": [
                            "先了解一点基本知识（本站毒品知识A–Z）",
                            "想清楚你担心的是什么、为什么",
                            "选一个平静、不赶时间的时候，不在争吵中谈",
                            "如果你自己很激动，先等一等",
                        ],
                    },
                ),
                ("heading", {"text": "谈的时候", "level": "h2"}),
                (
                    "paragraph",
                    "<p>从孩子的世界开始：“最近新闻里说有的电子烟里加了东西，你们学校有人说起过吗？”先听孩子说，少打断。说出你的担心：“我注意到你最近睡得很晚，成绩也不太好，我有点担心你。”而不是“你是不是在吸毒？”</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "谈毒品会让孩子产生好奇，反而去尝试。",
                        "fact": "孩子迟早会从同学和网络听说毒品。从你这里听到真实的信息，比从朋友那里听到“不上瘾”“很好玩”安全得多。",
                    },
                ),
                ("heading", {"text": "如果孩子承认了", "level": "h2"}),
                (
                    "paragraph",
                    "<p>先谢谢他愿意告诉你，表明你会和他一起面对。不要打骂，不要马上没收手机或断绝来往。身体不适时拨打120；需要建议时联系禁毒社工。主动求助、自愿戒毒的人依法受到保护和帮助。</p>",
                ),
                (
                    "quote",
                    {
                        "text": "案主不是病人，而是一位在前行的道路中摔倒而需要伴他同行的人。",
                        "attribution": "上海市自强社会服务总社",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "需要有人一起想办法？",
                        "text": "禁毒社工可以和你一起准备这次谈话，也可以直接和孩子聊。拨打24小时求助热线预约。",
                        "phone": "",
                    },
                ),
            ],
        },
        {
            "title": "How to talk to your child about drugs",
            "intro": "Choose the moment, listen more than you speak, do not accuse: ways in that parents, teachers and friends can use.",
            "body": [
                (
                    "paragraph",
                    "<p>Research and social workers' experience agree: children who have talked with their parents about drugs are less likely to try them. You do not need to be an expert; being honest, calm and ready to listen matters more than knowing every drug.</p>",
                ),
                ("heading", {"text": "Before you start", "level": "h2"}),
                (
                    "key_facts",
                    {
                        "title": "Prepare",
                        "facts": [
                            "Learn the basics (our drug facts A–Z)",
                            "Be clear what worries you and why",
                            "Pick a calm moment with time to spare, never in an argument",
                            "If you are upset, wait",
                        ],
                    },
                ),
                ("heading", {"text": "While you talk", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Start from their world: “The news said some vapes have things added to them. Has anyone at school talked about that?” Listen first and do not interrupt. Say what worries you: “I've noticed you're up very late and your grades have slipped, and I'm worried about you”, rather than “Are you taking drugs?”</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "Talking about drugs makes children curious enough to try them.",
                        "fact": "Children will hear about drugs from classmates and online anyway. Hearing the truth from you is far safer than hearing from friends that it is “fun” and “not addictive”.",
                    },
                ),
                ("heading", {"text": "If your child tells you", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Thank them for telling you and say you will face it together. Do not hit or shout, and do not confiscate the phone or cut them off from everyone at once. If they are unwell call 120; for advice contact a social worker. People who ask for help and seek treatment voluntarily are protected and helped by law.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "A client is not a patient but someone who fell on the road and needs someone to walk beside them.",
                        "attribution": "Shanghai Ziqiang Social Service",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "Want someone to think it through with you?",
                        "text": "A social worker can help you prepare the conversation, or talk with your child directly. Call the 24-hour help hotline to arrange it.",
                        "phone": "",
                    },
                ),
            ],
        },
    ),
    help_article(
        "what-social-workers-do",
        ["parents", "residents", "teachers"],
        {
            "title": "禁毒社工能帮什么",
            "intro": "保密咨询、家庭支持、社区戒毒社区康复和同伴辅导：禁毒社工站提供的服务，以及怎样找到他们。",
            "body": [
                (
                    "paragraph",
                    "<p>禁毒社工是经过专业训练的社会工作者，在各区的禁毒社工站和街道、乡镇的服务点工作。他们不是警察，和你的谈话依法保密。</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "社工提供的帮助",
                        "facts": [
                            "一对一的保密咨询，为本人和家人提供支持",
                            "帮助家长和孩子沟通，提供家庭辅导",
                            "协助办理社区戒毒、社区康复，陪伴走完康复过程",
                            "转介戒毒医疗机构和美沙酮维持治疗门诊",
                            "同伴辅导：由成功戒断的人带动和鼓励他人",
                            "帮助就业、就学和回归社会",
                        ],
                    },
                ),
                ("heading", {"text": "怎样找到他们", "level": "h2"}),
                (
                    "paragraph",
                    "<p>拨打24小时求助热线，或在页面底部“查找身边的禁毒社工站”中找到你所在区的工作站地址和电话，工作时间可以直接上门。学校和单位也可以通过“预约禁毒讲座”请社工来开展预防教育。</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "找社工就等于去报案。",
                        "fact": "社工的职责是帮助人。主动求助的人可以得到咨询和转介；到公安机关登记或到戒毒医疗机构自愿戒毒的，依法不予处罚。",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "现在就可以联系",
                        "text": "热线全天24小时有社工和同伴辅导员值班。",
                        "phone": "",
                    },
                ),
            ],
        },
        {
            "title": "What anti-drug social workers do",
            "intro": "Confidential advice, family support, community-based treatment and recovery, peer counselling: what the work stations offer and how to find them.",
            "body": [
                (
                    "paragraph",
                    "<p>Anti-drug social workers are trained social workers based in each district's work station and in service points in the neighbourhoods. They are not police, and what you tell them is confidential by law.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "How they help",
                        "facts": [
                            "Confidential one-to-one advice for people who use drugs and their families",
                            "Help for parents and children to talk, and family counselling",
                            "Support through community-based treatment and recovery",
                            "Referral to treatment centres and methadone clinics",
                            "Peer counselling by people who have recovered themselves",
                            "Help back into work, study and community life",
                        ],
                    },
                ),
                ("heading", {"text": "How to find them", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Call the 24-hour help hotline, or use “Find a work station near you” at the foot of every page for your district's address and phone; you can walk in during opening hours. Schools and workplaces can ask for a prevention talk through “Request a talk”.</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "Going to a social worker is the same as going to the police.",
                        "fact": "Social workers are there to help. People who ask for help get advice and referral; those who register with the police or seek voluntary treatment are not punished for their drug use.",
                    },
                ),
                (
                    "help_callout",
                    {
                        "title": "You can get in touch now",
                        "text": "Social workers and peer counsellors answer the hotline day and night.",
                        "phone": "",
                    },
                ),
            ],
        },
    ),
    help_article(
        "report-drug-crime",
        ["residents", "parents", "employees"],
        {
            "title": "举报毒品违法犯罪",
            "intro": "发现贩毒、制毒、容留他人吸毒等线索，怎样安全地举报；举报人受法律保护。",
            "body": [
                (
                    "paragraph",
                    "<p>《禁毒法》第九条规定：国家鼓励公民举报毒品违法犯罪行为；各级人民政府和有关部门应当对举报人予以保护，对举报有功人员给予表彰和奖励。</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "怎样举报",
                        "facts": [
                            "情况紧急，直接拨打110",
                            "向当地公安机关或其禁毒部门当面、书面举报",
                            "通过公安机关公布的禁毒举报电话或网上举报平台",
                            "可以匿名，也可以留下联系方式以便核实",
                        ],
                    },
                ),
                ("heading", {"text": "举报时可以提供什么", "level": "h2"}),
                (
                    "paragraph",
                    "<p>时间、地点、涉及的人员特征和车辆、交易方式，以及你看到或听到的具体情况。不要为了取证跟踪、偷拍或接近涉毒人员，安全第一。</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "举报了会被报复，还是不要多管闲事。",
                        "fact": "公安机关依法为举报人保密并予以保护。举报毒品犯罪，保护的是你的孩子、邻居和社区。",
                    },
                ),
                (
                    "paragraph",
                    "<p>如果吸毒的是你的家人，更需要的往往是帮助而不是举报：可以先联系禁毒社工，了解社区戒毒和自愿戒毒的途径。</p>",
                ),
            ],
        },
        {
            "title": "Reporting drug crime",
            "intro": "How to report dealing, making drugs or letting others use drugs safely; people who report are protected by law.",
            "body": [
                (
                    "paragraph",
                    "<p>Article 9 of the Anti-Drug Law: the state encourages citizens to report drug crimes; governments and authorities must protect those who report and commend and reward those whose reports help.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "How to report",
                        "facts": [
                            "In an emergency, call 110",
                            "Report in person or in writing to the local police or its narcotics unit",
                            "Use the drug-crime reporting line or online platform the police publish",
                            "You may stay anonymous, or leave contact details so the report can be checked",
                        ],
                    },
                ),
                ("heading", {"text": "What you can tell them", "level": "h2"}),
                (
                    "paragraph",
                    "<p>When and where, what the people and vehicles involved look like, how deals are made, and what you saw or heard. Do not follow, photograph or approach anyone to gather evidence: your safety comes first.</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "Reporting will bring revenge, so better not get involved.",
                        "fact": "The police keep reporters' identities confidential and protect them. Reporting drug crime protects your children, your neighbours and your community.",
                    },
                ),
                (
                    "paragraph",
                    "<p>If the person using drugs is in your family, what helps most is often support rather than a report: contact a social worker first about community-based and voluntary treatment.</p>",
                ),
            ],
        },
    ),
]

# The hub, written last: it links to the articles above (jindu.demo.ensure_help builds its links).
WORRIED_HUB = help_article(
    "worried-about-someone",
    ["parents", "teachers", "residents"],
    {
        "title": "担心身边的人吸毒？从这里开始",
        "intro": "孩子、朋友或学生最近让你不安？三步：留意迹象，好好谈一谈，向专业的人求助。",
        "body": [
            (
                "help_callout",
                {
                    "title": "现在就需要帮助？",
                    "text": "有人身体不适、叫不醒或呼吸困难，立即拨打120。想找人商量，拨打24小时求助热线，社工为你保密。",
                    "phone": "",
                },
            ),
            (
                "paragraph",
                "<p>发现身边的人可能接触毒品，很多人第一反应是害怕、生气或不知所措。这很正常。下面三步，帮助你冷静地做点什么。</p>",
            ),
            (
                "key_facts",
                {
                    "title": "三步",
                    "facts": [
                        "留意：哪些变化值得关注，为什么一个迹象说明不了问题",
                        "交谈：选好时机，多听少说，不指责",
                        "求助：禁毒社工、求助热线，必要时举报毒品犯罪",
                    ],
                },
            ),
        ],
    },
    {
        "title": "Worried about someone? Start here",
        "intro": "A child, friend or pupil worrying you lately? Three steps: notice the signs, talk it through, get help from people who know.",
        "body": [
            (
                "help_callout",
                {
                    "title": "Need help right now?",
                    "text": "If someone is unwell, cannot be woken or struggles to breathe, call 120 at once. To talk it through, call the 24-hour help hotline: social workers keep it confidential.",
                    "phone": "",
                },
            ),
            (
                "paragraph",
                "<p>When someone close may be using drugs, many people feel afraid, angry or lost. That is normal. These three steps help you do something calmly.</p>",
            ),
            (
                "key_facts",
                {
                    "title": "Three steps",
                    "facts": [
                        "Notice: which changes matter, and why one sign proves nothing",
                        "Talk: choose the moment, listen more, do not accuse",
                        "Get help: social workers, the hotline, and reporting drug crime if needed",
                    ],
                },
            ),
        ],
    },
)
HUB_LINKS_TITLE = {"zh": "接下来读", "en": "Read next"}

# Doors by audience (AudiencePage): what each group came for, then the lists.
PORTALS = [
    {
        "slug": "students",
        "en_slug": "students",
        "audiences": ["primary", "junior", "senior", "vocational", "university"],
        "zh": {
            "title": "我是学生",
            "intro": "<p>认识毒品和它们的伪装，学会拒绝，遇到问题知道找谁。</p>",
            "body": [
                (
                    "key_facts",
                    {
                        "title": "记住这几点",
                        "facts": [
                            "奶茶、糖果、邮票、电子烟都可能是伪装的毒品",
                            "很多毒品第一次使用就可能上瘾",
                            "不接受陌生人或“朋友的朋友”给的饮料、零食和电子烟",
                            "拒绝不需要理由，离开也不需要解释",
                            "遇到困难告诉家长、老师，或拨打求助热线",
                        ],
                    },
                ),
                (
                    "myth_fact",
                    {
                        "myth": "偶尔玩一次，不会上瘾。",
                        "fact": "新型毒品作用强、成分不明，一次就可能中毒或产生依赖。",
                    },
                ),
            ],
        },
        "en": {
            "title": "I am a student",
            "intro": "<p>Know the drugs and their disguises, learn to say no, and know who to turn to.</p>",
            "body": [
                (
                    "key_facts",
                    {
                        "title": "Remember",
                        "facts": [
                            "Milk tea, sweets, stamps and vapes can all be disguised drugs",
                            "Many drugs can hook you the first time",
                            "Take no drinks, snacks or vapes from strangers or “friends of friends”",
                            "Saying no needs no reason; leaving needs no excuse",
                            "In trouble, tell a parent or teacher, or call the hotline",
                        ],
                    },
                ),
                (
                    "myth_fact",
                    {
                        "myth": "Trying it once won't hook me.",
                        "fact": "New drugs are strong and their content unknown: one use can poison you or start a dependence.",
                    },
                ),
            ],
        },
    },
    {
        "slug": "parents",
        "en_slug": "parents",
        "audiences": ["parents"],
        "zh": {
            "title": "我是家长",
            "intro": "<p>发现孩子的变化，及早沟通：需要留意的迹象、怎样开口，以及可以向谁求助。</p>",
            "body": [
                (
                    "paragraph",
                    "<p>家长是孩子最重要的保护者。你不需要是专家：了解一点知识，留意孩子的变化，愿意好好谈，就已经做了最重要的事。下面的指南和手册可以帮你开始。</p>",
                ),
            ],
        },
        "en": {
            "title": "I am a parent",
            "intro": "<p>Notice changes early and talk: signs to watch for, how to start, and who can help.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Parents are a child's most important protection. You do not need to be an expert: knowing a little, noticing changes and being ready to talk is what matters most. The guides and handbook below help you start.</p>",
                ),
            ],
        },
    },
    {
        "slug": "teachers",
        "en_slug": "teachers",
        "audiences": ["teachers"],
        "zh": {
            "title": "我是老师",
            "intro": "<p>课堂用的教案和海报，可直接下载打印；也可以请禁毒社工到学校开展讲座。</p>",
            "body": [
                (
                    "paragraph",
                    "<p>下面的教案按40分钟一节课设计，适用于小学、初中和高中的禁毒主题班会，海报可在教室和走廊张贴。学校还可以与所在区的禁毒社工站签订协议，由社工担任校外辅导员，定期到校开展预防教育。</p>",
                ),
            ],
        },
        "en": {
            "title": "I am a teacher",
            "intro": "<p>Lesson plans and posters for class, ready to download and print; or ask the social workers to give a talk at your school.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>The lesson plans below are written for 40-minute class meetings in primary, junior and senior secondary schools, and the posters are for classrooms and corridors. Schools can also sign an agreement with their district's work station for a social worker to serve as an off-campus counsellor and visit regularly.</p>",
                ),
            ],
        },
    },
    {
        "slug": "community",
        "en_slug": "community",
        "audiences": ["residents", "employees"],
        "zh": {
            "title": "社区居民",
            "intro": "<p>身边的禁毒社工、社区戒毒康复，以及求助和举报的渠道。</p>",
            "body": [
                (
                    "paragraph",
                    "<p>禁毒社工在每个区的工作站和街道服务点工作，为居民提供保密咨询、家庭支持和社区戒毒康复服务，也走进社区和企业开展禁毒宣传。</p>",
                ),
            ],
        },
        "en": {
            "title": "Community",
            "intro": "<p>Social workers near you, community-based recovery, and where to get help or report.</p>",
            "body": [
                (
                    "paragraph",
                    "<p>Anti-drug social workers are based in every district's station and neighbourhood service points. They offer residents confidential advice, family support and community-based treatment and recovery, and bring prevention into neighbourhoods and workplaces.</p>",
                ),
            ],
        },
    },
]
