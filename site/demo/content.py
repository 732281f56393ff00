"""Bilingual demo texts. Their facts and figures are quoted from public articles:

- 上海市自强社会服务总社 (Shanghai Ziqiang Social Service), agency profile, 2009;
- 《十六年，禁毒社工在这座超大城市改变了什么？》 (Sixteen years of anti-drug social workers
  in a megacity), 2019;
- 平湖市生命阳光社工服务社 (Pinghu Life Sunshine Social Work Service), 浙江在线, 2016;
- 《深圳600余名社工投身禁毒服务》, 深圳市社会工作者协会, 2021;
- 《深圳促进社会工作精细化专业化发展》, 晶报, 2018.

Each item holds the Chinese source and its English translation in the same shape, so the
pairs can be fed to wagtail-localize."""

HOME = {
    "zh": {
        "title": "远离毒品，珍爱生命",
        "intro": "<p>禁毒社工走进学校、社区和企业，开展毒品预防教育。在这里了解毒品危害，查找身边的禁毒社工站，获得帮助。</p>",
        "entry_points": [
            {"title": "我是学生", "text": "认识毒品，学会拒绝"},
            {"title": "我是家长", "text": "发现孩子的变化，及早沟通"},
            {"title": "我是老师", "text": "课堂用的教案和海报"},
            {"title": "社区居民", "text": "身边的禁毒社工与求助渠道"},
        ],
    },
    "en": {
        "title": "Stay away from drugs, cherish life",
        "intro": "<p>Anti-drug social workers bring prevention education into schools, communities and workplaces. Learn about the harm drugs do, find the work station near you and get help.</p>",
        "entry_points": [
            {"title": "I am a student", "text": "Know the drugs, learn to say no"},
            {"title": "I am a parent", "text": "Notice changes early and talk"},
            {"title": "I am a teacher", "text": "Lesson plans and posters for class"},
            {"title": "Community", "text": "Social workers near you and where to get help"},
        ],
    },
    "en_slug": "home-en",
}

SECTIONS = [
    {
        "key": "knowledge",
        "slug": "zhidu",
        "en_slug": "about-drugs",
        "zh": {"title": "认识毒品", "intro": "<p>毒品是什么，有哪些危害，新型毒品如何伪装。</p>"},
        "en": {
            "title": "About drugs",
            "intro": "<p>What drugs are, the harm they do, and how new drugs are disguised.</p>",
        },
    },
    {
        "key": "prevention",
        "slug": "yufang",
        "en_slug": "prevention",
        "zh": {"title": "预防教育", "intro": "<p>走进学校、社区和企业的毒品预防教育。</p>"},
        "en": {
            "title": "Prevention",
            "intro": "<p>Drug prevention education in schools, communities and workplaces.</p>",
        },
    },
    {
        "key": "recovery",
        "slug": "kangfu",
        "en_slug": "recovery",
        "zh": {"title": "戒毒康复", "intro": "<p>社区戒毒康复、同伴辅导与家庭支持。</p>"},
        "en": {
            "title": "Recovery",
            "intro": "<p>Community-based recovery, peer counselling and support for families.</p>",
        },
    },
    {
        "key": "policy",
        "slug": "zhengce",
        "en_slug": "law-and-policy",
        "zh": {"title": "禁毒政策", "intro": "<p>禁毒法律法规与政策解读。</p>"},
        "en": {
            "title": "Law and policy",
            "intro": "<p>China's drug laws and policies, explained.</p>",
        },
    },
    {
        "key": "news",
        "slug": "news",
        "en_slug": "news",
        "zh": {"title": "工作动态", "intro": "<p>各地禁毒社工的工作消息。</p>"},
        "en": {"title": "News", "intro": "<p>News from anti-drug social workers.</p>"},
    },
]

ARTICLES = [
    {
        "section": "news",
        "slug": "shanghai-16-years",
        "en_slug": "shanghai-16-years",
        "date": "2019-11-07",
        "tags": ["禁毒社工", "上海"],
        "audiences": ["residents", "teachers"],
        "image": "community",
        "zh": {
            "title": "十六年，禁毒社工在这座超大城市改变了什么",
            "intro": "2003年上海组建第一支禁毒社工队伍，十六年来禁毒宣传受众超过一千万人次。",
            "source": "上海市自强社会服务总社",
            "body": [
                (
                    "paragraph",
                    "<p>2003年8月，上海首次招聘120名禁毒社工，在浦东新区、闸北区、徐汇区、卢湾区4个区试点；同年12月，上海市自强社会服务总社注册成立。</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "十六年的数字",
                        "facts": [
                            "禁毒宣传受众超过1000万人次",
                            "开展专业服务小组1654个",
                            "205名社工担任学校校外辅导员",
                            "16个区210个服务点",
                        ],
                    },
                ),
                ("heading", {"text": "禁毒宣传“六进”", "level": "h2"}),
                (
                    "paragraph",
                    "<p>社工结合时间节点，进社区、进家庭、进学校、进场所、进工地和企事业单位，深入美沙酮门诊部、强制隔离戒毒所等各类场所开展禁毒宣传。</p>",
                ),
                (
                    "quote",
                    {
                        "text": "政府主导推动、社团自主运作、社会多方参与。",
                        "attribution": "上海禁毒社会工作的总体思路",
                    },
                ),
            ],
        },
        "en": {
            "title": "Sixteen years of anti-drug social workers in a megacity",
            "intro": "Shanghai formed its first team of anti-drug social workers in 2003; in sixteen years their prevention work has reached more than ten million person-times.",
            "source": "Shanghai Ziqiang Social Service",
            "body": [
                (
                    "paragraph",
                    "<p>In August 2003 Shanghai recruited its first 120 anti-drug social workers for a pilot in four districts: Pudong, Zhabei, Xuhui and Luwan. In December that year the Shanghai Ziqiang Social Service was registered.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "Sixteen years in figures",
                        "facts": [
                            "More than 10 million audience person-times",
                            "1,654 professional support groups",
                            "205 social workers serving as schools' off-campus counsellors",
                            "210 service points in 16 districts",
                        ],
                    },
                ),
                ("heading", {"text": "Prevention in six settings", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Social workers take prevention into communities, families, schools, entertainment venues, construction sites and workplaces, and into methadone clinics and compulsory rehabilitation centres.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "Led by government, run by social organisations, supported by all of society.",
                        "attribution": "The principle of anti-drug social work in Shanghai",
                    },
                ),
            ],
        },
    },
    {
        "section": "news",
        "slug": "pinghu-monthly-themes",
        "en_slug": "pinghu-monthly-themes",
        "date": "2016-05-05",
        "tags": ["月主题", "6·26", "平湖"],
        "audiences": ["residents"],
        "image": "campaign",
        "zh": {
            "title": "平湖生命阳光：月月有主题，周周有宣传",
            "intro": "三年来开展禁毒教育活动3000余场，发放宣传资料30余万份，受众50万人次。",
            "source": "浙江在线",
            "body": [
                (
                    "paragraph",
                    "<p>平湖市生命阳光社工服务社成立于2012年12月17日，围绕禁毒预防教育“六进”要求，以“月主题”为依托，以“6·26”国际禁毒日为重点开展宣传。</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "三年成果",
                        "facts": [
                            "禁毒教育活动3000余场",
                            "主题活动127场",
                            "发放宣传资料30余万份",
                            "受众50万人次",
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p>服务社还在社区图书馆设立禁毒阅读角，让居民在家门口就能读到禁毒知识。</p>",
                ),
            ],
        },
        "en": {
            "title": "Pinghu Life Sunshine: a theme every month, outreach every week",
            "intro": "In three years: more than 3,000 education activities, over 300,000 leaflets handed out and 500,000 person-times reached.",
            "source": "Zhejiang Online",
            "body": [
                (
                    "paragraph",
                    "<p>Pinghu Life Sunshine Social Work Service was founded on 17 December 2012. It organises its prevention work around a monthly theme, with June 26, the International Day against Drug Abuse, as the high point of the year.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "Three years of work",
                        "facts": [
                            "More than 3,000 education activities",
                            "127 themed events",
                            "More than 300,000 leaflets handed out",
                            "500,000 person-times reached",
                        ],
                    },
                ),
                (
                    "paragraph",
                    "<p>It has also set up anti-drug reading corners in community libraries, so residents can read about drugs close to home.</p>",
                ),
            ],
        },
    },
    {
        "section": "news",
        "slug": "shenzhen-600-social-workers",
        "en_slug": "shenzhen-600-social-workers",
        "date": "2021-06-25",
        "tags": ["禁毒社工", "深圳", "禁毒大篷车"],
        "audiences": ["residents", "senior"],
        "image": "caravan",
        "zh": {
            "title": "深圳600余名禁毒社工守护无毒社区",
            "intro": "14家机构、628名禁毒社工，累计开展社区活动25109场；禁毒大篷车走进校园300余场。",
            "source": "深圳新闻网",
            "body": [
                (
                    "paragraph",
                    "<p>深圳共有14家社工机构、628名社工从事禁毒服务，累计走访106496人次，建立个案档案17543份，开展小组活动1494个、社区活动25109场。</p>",
                ),
                ("heading", {"text": "流动的禁毒大篷车", "level": "h2"}),
                (
                    "paragraph",
                    "<p>禁毒大篷车开进学校和社区，开展300余场活动，覆盖青少年20万人次。</p>",
                ),
            ],
        },
        "en": {
            "title": "Shenzhen's 600 anti-drug social workers keep communities drug-free",
            "intro": "Fourteen agencies and 628 social workers have run 25,109 community events; the anti-drug caravan has visited schools more than 300 times.",
            "source": "Shenzhen News",
            "body": [
                (
                    "paragraph",
                    "<p>In Shenzhen, 14 social-work agencies and 628 social workers provide anti-drug services. They have made 106,496 visits, opened 17,543 case files, and run 1,494 groups and 25,109 community events.</p>",
                ),
                ("heading", {"text": "The anti-drug caravan", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The mobile anti-drug caravan has held more than 300 sessions in schools and communities, reaching 200,000 young people.</p>",
                ),
            ],
        },
    },
    {
        "section": "prevention",
        "slug": "school-counsellors",
        "en_slug": "school-counsellors",
        "date": "2009-10-14",
        "tags": ["学校", "禁毒辅导员"],
        "audiences": ["teachers", "parents", "junior", "senior"],
        "image": "school",
        "zh": {
            "title": "走进校园：禁毒社工担任学校禁毒辅导员",
            "intro": "社工与中小学签订协议担任禁毒辅导员，至2005年底已走进上海400多所学校。",
            "source": "上海市自强社会服务总社",
            "body": [
                (
                    "paragraph",
                    "<p>青少年可能因为好奇或认识不足而尝试毒品。社工通过讲授毒品预防课程、开设展览、张贴海报及发放宣传单等形式开展学校毒品预防教育。</p>",
                ),
                (
                    "paragraph",
                    "<p>嘉定区工作站的社工与当地中小学签订协议，由社工担任学校的禁毒辅导员，与学校建立长期稳定的伙伴关系。</p>",
                ),
                (
                    "key_facts",
                    {"title": "成效", "facts": ["至2005年底走进400多所学校", "服务学生14余万人次"]},
                ),
                (
                    "myth_fact",
                    {
                        "myth": "只吸一次不会上瘾。",
                        "fact": "很多毒品第一次使用就可能产生依赖，新型毒品尤其如此。",
                    },
                ),
            ],
        },
        "en": {
            "title": "In schools: social workers as anti-drug counsellors",
            "intro": "Social workers sign agreements with schools to serve as their anti-drug counsellors; by the end of 2005 they had visited more than 400 schools in Shanghai.",
            "source": "Shanghai Ziqiang Social Service",
            "body": [
                (
                    "paragraph",
                    "<p>Young people may try drugs out of curiosity or because they do not know the risks. Social workers teach prevention lessons, put on exhibitions, and hand out posters and leaflets in schools.</p>",
                ),
                (
                    "paragraph",
                    "<p>Social workers of the Jiading work station signed agreements with local primary and secondary schools to serve as the schools' anti-drug counsellors, building long-term partnerships.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "Results",
                        "facts": [
                            "More than 400 schools by the end of 2005",
                            "More than 140,000 student person-times",
                        ],
                    },
                ),
                (
                    "myth_fact",
                    {
                        "myth": "You cannot get hooked from trying once.",
                        "fact": "Many drugs can cause dependence from the first use, new synthetic drugs especially.",
                    },
                ),
            ],
        },
    },
    {
        "section": "prevention",
        "slug": "community-prevention",
        "en_slug": "community-prevention",
        "date": "2009-10-14",
        "tags": ["社区", "上海"],
        "audiences": ["residents", "parents"],
        "image": "community",
        "zh": {
            "title": "社区预防：在家门口认识毒品危害",
            "intro": "张贴海报和公益广告、设立禁毒宣传牌、摊位宣传和社区活动，让居民尤其是青少年了解毒品及其危害。",
            "source": "上海市自强社会服务总社",
            "body": [
                (
                    "paragraph",
                    "<p>社区预防具有服务、教育和宣传辐射的功能。社工争取居民委员会的支持，与社区居民保持良好关系，从禁毒角度营造良好的社区环境。</p>",
                ),
                (
                    "help_callout",
                    {
                        "title": "需要帮助？",
                        "text": "如果你或你的家人正在受毒品困扰，请拨打24小时求助热线，社工会保护你的隐私。",
                        "phone": "",
                    },
                ),
            ],
        },
        "en": {
            "title": "Community prevention: learning about drugs close to home",
            "intro": "Posters and public-service notices, anti-drug boards, information booths and community events help residents, and young people above all, understand drugs and their harm.",
            "source": "Shanghai Ziqiang Social Service",
            "body": [
                (
                    "paragraph",
                    "<p>Community prevention serves, educates and spreads the word. Social workers win the support of residents' committees and keep good relations with residents, to make the neighbourhood a good place to grow up.</p>",
                ),
                (
                    "help_callout",
                    {
                        "title": "Need help?",
                        "text": "If drugs are troubling you or your family, call the 24-hour help hotline. Social workers will respect your privacy.",
                        "phone": "",
                    },
                ),
            ],
        },
    },
    {
        "section": "recovery",
        "slug": "peer-counselling",
        "en_slug": "peer-counselling",
        "date": "2019-11-07",
        "tags": ["同伴辅导", "戒毒康复"],
        "audiences": ["residents", "parents"],
        "image": "support",
        "zh": {
            "title": "同伴辅导：戒毒成功者带动他人",
            "intro": "经过专门培训的同伴辅导员以亲身经历影响、鼓励和帮助尚未戒断毒瘾的同伴。",
            "source": "上海市自强社会服务总社",
            "body": [
                (
                    "paragraph",
                    "<p>同伴互助是国际戒毒领域普遍使用的服务方法。戒毒成功人员经过培训成为同伴辅导员，协助社工开展提前介入、个案帮教和社区宣传。</p>",
                ),
                (
                    "paragraph",
                    "<p>“静安汤建卫同伴自助小组”是自强的品牌项目，增强了服务对象的戒毒信心。</p>",
                ),
                (
                    "quote",
                    {
                        "text": "案主不是病人，而是一位在前行的道路中摔倒而需要伴他同行的人。",
                        "attribution": "自强价值观",
                    },
                ),
            ],
        },
        "en": {
            "title": "Peer counselling: people in recovery helping others",
            "intro": "Trained peer counsellors use their own experience to influence, encourage and help others who are still struggling with addiction.",
            "source": "Shanghai Ziqiang Social Service",
            "body": [
                (
                    "paragraph",
                    "<p>Peer support is used in drug services around the world. People who have recovered are trained as peer counsellors and help social workers with early intervention, casework and community outreach.</p>",
                ),
                (
                    "paragraph",
                    "<p>The Jing'an peer self-help group is one of Ziqiang's best-known projects and has strengthened its members' confidence in staying off drugs.</p>",
                ),
                (
                    "quote",
                    {
                        "text": "A client is not a patient, but someone who has fallen on the road ahead and needs someone to walk beside them.",
                        "attribution": "Ziqiang's values",
                    },
                ),
            ],
        },
    },
    {
        "section": "recovery",
        "slug": "hotline",
        "en_slug": "24-hour-hotline",
        "date": "2019-11-07",
        "tags": ["热线", "戒毒康复"],
        "audiences": ["parents", "residents"],
        "image": "support",
        "zh": {
            "title": "24小时戒毒咨询热线：深夜也有人接听",
            "intro": "2014年9月起开设24小时戒毒咨询热线，每天由2名社工和同伴辅导员轮流值班。",
            "source": "上海市自强社会服务总社",
            "body": [
                (
                    "paragraph",
                    "<p>热线为吸戒毒人员及其家属提供戒毒康复知识、情绪疏导和危机干预，共接听来电870人次，涉及328个家庭。</p>",
                ),
                (
                    "paragraph",
                    "<p>其中75.29%的来电者在禁毒社工日常服务范围之外，热线让他们也能找到帮助。</p>",
                ),
                (
                    "help_callout",
                    {
                        "title": "拨打热线",
                        "text": "热线全天24小时有人接听，来电内容严格保密。",
                        "phone": "",
                    },
                ),
            ],
        },
        "en": {
            "title": "The 24-hour helpline: someone answers, even at night",
            "intro": "Since September 2014 a 24-hour helpline has been staffed around the clock by two social workers and peer counsellors in turn.",
            "source": "Shanghai Ziqiang Social Service",
            "body": [
                (
                    "paragraph",
                    "<p>The helpline offers people who use drugs and their families information on recovery, emotional support and crisis intervention. It has taken 870 calls from 328 families.</p>",
                ),
                (
                    "paragraph",
                    "<p>75.29% of callers were outside the social workers' regular caseload: the helpline is how they found help.</p>",
                ),
                (
                    "help_callout",
                    {
                        "title": "Call the helpline",
                        "text": "The line is answered 24 hours a day and every call is confidential.",
                        "phone": "",
                    },
                ),
            ],
        },
    },
    {
        "section": "policy",
        "slug": "anti-drug-law",
        "en_slug": "anti-drug-law",
        "date": "2024-06-01",
        "tags": ["禁毒法", "法律"],
        "audiences": ["senior", "university", "parents", "employees"],
        "image": "law",
        "zh": {
            "title": "认识《中华人民共和国禁毒法》",
            "intro": "禁毒法自2008年6月1日起施行，规定了禁毒宣传教育、毒品管制、戒毒措施和禁毒国际合作。",
            "source": "禁毒法律法规",
            "body": [
                (
                    "paragraph",
                    "<p>禁毒法规定，禁毒是全社会的共同责任。学校应当把禁毒知识纳入教育、教学内容，父母和其他监护人应当对未成年人进行毒品危害的教育。</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "要点",
                        "facts": [
                            "吸食、注射毒品是违法行为",
                            "社区戒毒的期限为三年",
                            "强制隔离戒毒的期限一般为二年",
                            "国家鼓励吸毒成瘾人员自愿戒毒",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "China's Anti-Drug Law",
            "intro": "The Anti-Drug Law, in force since 1 June 2008, covers prevention education, drug control, treatment and international cooperation.",
            "source": "Laws and regulations",
            "body": [
                (
                    "paragraph",
                    "<p>The law makes drug control the responsibility of the whole of society. Schools must teach about drugs, and parents and guardians must teach minors about the harm drugs do.</p>",
                ),
                (
                    "key_facts",
                    {
                        "title": "Key points",
                        "facts": [
                            "Taking or injecting drugs is against the law",
                            "Community-based treatment lasts three years",
                            "Compulsory isolated treatment usually lasts two years",
                            "The state encourages people with drug dependence to seek treatment voluntarily",
                        ],
                    },
                ),
            ],
        },
    },
    {
        "section": "knowledge",
        "slug": "disguised-drugs",
        "en_slug": "disguised-drugs",
        "date": "2025-06-20",
        "tags": ["新型毒品", "青少年"],
        "audiences": ["junior", "senior", "university", "parents"],
        "image": "disguised",
        "zh": {
            "title": "当心伪装成零食和饮料的新型毒品",
            "intro": "新型毒品常被伪装成奶茶、糖果、邮票或电子烟油，不要接受陌生人给的来历不明的食品和饮料。",
            "source": "禁毒宣传",
            "body": [
                (
                    "paragraph",
                    "<p>一些不法分子把合成毒品混入饮料粉、跳跳糖或电子烟油中，以“提神”“减肥”为名引诱青少年尝试。</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "包装好看、在网上能买到的就不是毒品。",
                        "fact": "包装和购买渠道说明不了成分，来历不明的东西不要吃、不要吸。",
                    },
                ),
                (
                    "key_facts",
                    {
                        "title": "记住",
                        "facts": [
                            "不接受陌生人的饮料和零食",
                            "离开酒水无人看管的场合",
                            "觉得不对劲，马上告诉家长或老师",
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Watch out for new drugs disguised as snacks and drinks",
            "intro": "New drugs are often disguised as milk tea, sweets, stamps or e-cigarette liquid. Never accept food or drinks of unknown origin from strangers.",
            "source": "Prevention campaign",
            "body": [
                (
                    "paragraph",
                    "<p>Dealers mix synthetic drugs into drink powders, popping candy or e-liquid and tempt young people with promises of energy or weight loss.</p>",
                ),
                (
                    "myth_fact",
                    {
                        "myth": "If it looks nicely packaged and is sold online, it cannot be a drug.",
                        "fact": "Packaging and where it is sold say nothing about what is inside. Do not eat or smoke anything of unknown origin.",
                    },
                ),
                (
                    "key_facts",
                    {
                        "title": "Remember",
                        "facts": [
                            "Do not accept drinks or snacks from strangers",
                            "Leave places where drinks are left unattended",
                            "If something feels wrong, tell a parent or teacher at once",
                        ],
                    },
                ),
            ],
        },
    },
]

DRUG_INDEX = {
    "slug": "drugs",
    "en_slug": "drugs",
    "zh": {
        "title": "毒品知识A–Z",
        "intro": "<p>常见毒品是什么、怎样伤害身体，以及我国法律如何规定。</p>",
    },
    "en": {
        "title": "Drug facts A–Z",
        "intro": "<p>What common drugs are, how they harm the body, and what Chinese law says.</p>",
    },
}

QUIZ = {
    "slug": "quiz",
    "en_slug": "quiz",
    "zh": {
        "title": "禁毒知识小测验",
        "intro": "<p>五道题，看看你对毒品了解多少。答案不会被记录。</p>",
        "questions": [
            {
                "question": "国际禁毒日是哪一天？",
                "options": ["6月26日", "12月1日", "3月15日"],
                "explanation": "<p>1987年联合国大会决定，每年6月26日为“禁止药物滥用和非法贩运国际日”。</p>",
            },
            {
                "question": "冰毒的化学名称是？",
                "options": ["甲基苯丙胺", "咖啡因", "对乙酰氨基酚"],
                "explanation": "<p>冰毒即甲基苯丙胺，是常见的合成毒品。</p>",
            },
            {
                "question": "在国外大麻合法的地方吸食大麻，中国公民回国后：",
                "options": ["可能受到处罚", "不受任何影响", "只要不带回国就没事"],
                "explanation": "<p>大麻在我国是管制毒品，吸食违法。</p>",
            },
            {
                "question": "陌生人请你尝一种“提神饮料”，你应该：",
                "options": ["拒绝并离开，告诉家长或老师", "尝一小口", "带回家再喝"],
                "explanation": "<p>新型毒品常伪装成饮料和零食，来历不明的东西不要吃。</p>",
            },
            {
                "question": "家人吸毒，想求助可以：",
                "options": ["拨打24小时求助热线或联系禁毒社工站", "瞒着不说", "在网上买戒毒药"],
                "explanation": "<p>禁毒社工会保护求助者的隐私，自愿戒毒受法律鼓励。</p>",
            },
        ],
    },
    "en": {
        "title": "Drug facts quiz",
        "intro": "<p>Five questions to see how much you know. Your answers are not recorded.</p>",
        "questions": [
            {
                "question": "When is the International Day against Drug Abuse?",
                "options": ["26 June", "1 December", "15 March"],
                "explanation": "<p>In 1987 the UN General Assembly made 26 June the International Day against Drug Abuse and Illicit Trafficking.</p>",
            },
            {
                "question": "What is 'ice' chemically?",
                "options": ["Methamphetamine", "Caffeine", "Paracetamol"],
                "explanation": "<p>Ice is methamphetamine, a common synthetic drug.</p>",
            },
            {
                "question": "A Chinese citizen uses cannabis where it is legal abroad. Back in China:",
                "options": [
                    "They can be penalised",
                    "Nothing happens",
                    "It is fine as long as they bring none home",
                ],
                "explanation": "<p>Cannabis is a controlled drug in China and using it is illegal.</p>",
            },
            {
                "question": "A stranger offers you an 'energy drink'. You should:",
                "options": [
                    "Say no, leave and tell a parent or teacher",
                    "Take a small sip",
                    "Take it home for later",
                ],
                "explanation": "<p>New drugs are often disguised as drinks and snacks: do not consume anything of unknown origin.</p>",
            },
            {
                "question": "Someone in your family uses drugs. To get help you can:",
                "options": [
                    "Call the 24-hour hotline or contact a work station",
                    "Keep it secret",
                    "Buy 'detox' pills online",
                ],
                "explanation": "<p>Social workers respect the privacy of people who ask for help, and the law encourages voluntary treatment.</p>",
            },
        ],
    },
}

RESOURCE_LIBRARY = {
    "slug": "downloads",
    "en_slug": "downloads",
    "zh": {"title": "宣传资料下载", "intro": "<p>海报、宣传单和课堂教案，可免费下载打印。</p>"},
    "en": {
        "title": "Downloads",
        "intro": "<p>Posters, leaflets and lesson plans, free to download and print.</p>",
    },
}
