"""More of each demo article: the sections a reader expects after the opening (what the law
says about minors and families, how disguised drugs are sold, what happens when you call the
hotline…), appended to the articles of jindu.demo.content in both languages. Facts from the
Anti-Drug Law (2008) and the agencies' public articles named there."""

MORE = {
    "anti-drug-law": (
        [
            ("heading", {"text": "吸毒会有什么后果", "level": "h2"}),
            (
                "paragraph",
                "<p>吸食、注射毒品的，由公安机关依照《治安管理处罚法》处以拘留和罚款。吸毒成瘾的，可以责令接受社区戒毒；拒绝社区戒毒、在社区戒毒期间严重违反协议或者吸毒成瘾严重的，可以决定强制隔离戒毒。</p>",
            ),
            ("heading", {"text": "主动戒毒受法律鼓励", "level": "h2"}),
            (
                "paragraph",
                "<p>吸毒人员主动到公安机关登记，或者到有资质的医疗机构接受戒毒治疗的，不予处罚。戒毒人员在入学、就业、享受社会保障等方面不受歧视。</p>",
            ),
            ("heading", {"text": "学校和家庭的责任", "level": "h2"}),
            (
                "paragraph",
                "<p>教育行政部门和学校应当把禁毒知识纳入教育、教学内容；未成年人的父母或者其他监护人应当对未成年人进行毒品危害的教育，防止其吸食、注射毒品或者进行其他毒品违法犯罪活动。</p>",
            ),
            (
                "myth_fact",
                {
                    "myth": "只要不贩毒，吸一点没关系。",
                    "fact": "吸毒本身就是违法行为；容留他人吸毒、为他人提供毒品，即使数量很少，也可能构成犯罪。",
                },
            ),
        ],
        [
            ("heading", {"text": "What happens to someone who uses drugs", "level": "h2"}),
            (
                "paragraph",
                "<p>Taking or injecting drugs is punished by the police with detention and a fine under the Public Security Administration Punishments Law. A person found dependent can be required to undergo community-based treatment; refusing it, seriously breaching it or severe dependence can lead to compulsory isolated treatment.</p>",
            ),
            ("heading", {"text": "Seeking treatment is encouraged", "level": "h2"}),
            (
                "paragraph",
                "<p>People who register with the police on their own or seek treatment at a licensed medical institution are not punished. People in treatment may not be discriminated against in schooling, work or social security.</p>",
            ),
            ("heading", {"text": "What schools and families must do", "level": "h2"}),
            (
                "paragraph",
                "<p>Education authorities and schools must include drug prevention in what they teach; parents and guardians must teach minors about the harm of drugs and keep them from using or dealing.</p>",
            ),
            (
                "myth_fact",
                {
                    "myth": "Using a little is fine as long as you don't sell.",
                    "fact": "Using drugs is itself illegal; letting others use in your place or giving them drugs, even a small amount, can be a crime.",
                },
            ),
        ],
    ),
    "disguised-drugs": (
        [
            ("heading", {"text": "它们怎样找上青少年", "level": "h2"}),
            (
                "paragraph",
                "<p>伪装型毒品多在网络社交平台、聚会和娱乐场所流通，卖家用“提神”“解压”“网红零食”“上头电子烟”等说法吸引好奇心，常以“朋友送的”“先试试”开始。</p>",
            ),
            (
                "key_facts",
                {
                    "title": "常见的伪装",
                    "facts": [
                        "奶茶粉、咖啡包、果味饮料冲剂",
                        "跳跳糖、软糖、巧克力",
                        "印有卡通图案的“邮票”纸片",
                        "电子烟油、一次性电子烟",
                        "“小树枝”“香料”“浴盐”",
                    ],
                },
            ),
            ("heading", {"text": "喝了、吃了、吸了可疑的东西之后", "level": "h2"}),
            (
                "paragraph",
                "<p>出现头晕、心跳很快、意识模糊、抽搐，或者朋友叫不醒，立即拨打120，说清楚吃了或吸了什么，保留剩下的东西交给医生。不要独自回家，不要开车。</p>",
            ),
        ],
        [
            ("heading", {"text": "How they reach young people", "level": "h2"}),
            (
                "paragraph",
                "<p>Disguised drugs circulate on social media, at parties and in nightlife venues. Sellers promise “energy”, “stress relief”, “viral snacks” or a “high vape” to tempt curiosity, and it often starts with “a present from a friend” or “just try it”.</p>",
            ),
            (
                "key_facts",
                {
                    "title": "Common disguises",
                    "facts": [
                        "Milk-tea powder, coffee sachets, fruit drink powder",
                        "Popping candy, gummies, chocolate",
                        "Paper “stamps” printed with cartoons",
                        "Vape liquid and disposable vapes",
                        "“Twigs”, “incense”, “bath salts”",
                    ],
                },
            ),
            (
                "heading",
                {"text": "After drinking, eating or vaping something suspicious", "level": "h2"},
            ),
            (
                "paragraph",
                "<p>For dizziness, a racing heart, confusion, fits, or a friend who cannot be woken, call 120 at once, say what was taken and keep what is left for the doctors. Do not go home alone and do not drive.</p>",
            ),
        ],
    ),
    "hotline": (
        [
            ("heading", {"text": "打电话时会发生什么", "level": "h2"}),
            (
                "paragraph",
                "<p>接听的是禁毒社工或经过培训的同伴辅导员。你可以不说自己的名字。社工会先听你说，再和你一起想下一步：了解毒品知识、家人怎样沟通、到哪里戒毒、怎样申请社区戒毒康复。</p>",
            ),
            (
                "key_facts",
                {
                    "title": "可以咨询",
                    "facts": [
                        "担心家人或朋友吸毒",
                        "想戒毒，不知道从哪里开始",
                        "社区戒毒、社区康复的手续",
                        "美沙酮维持治疗门诊的地址",
                        "戒毒后找工作、回学校",
                    ],
                },
            ),
            ("paragraph", "<p>情况紧急、有人身体不适时，请先拨打120。</p>"),
        ],
        [
            ("heading", {"text": "What happens when you call", "level": "h2"}),
            (
                "paragraph",
                "<p>An anti-drug social worker or a trained peer counsellor answers. You need not give your name. They listen first, then work out the next step with you: facts about drugs, how to talk in the family, where to get treatment, how community-based recovery works.</p>",
            ),
            (
                "key_facts",
                {
                    "title": "You can ask about",
                    "facts": [
                        "Worries about family or friends",
                        "Wanting to stop and not knowing where to start",
                        "Community-based treatment and recovery",
                        "Where the methadone clinics are",
                        "Work and study after treatment",
                    ],
                },
            ),
            ("paragraph", "<p>In an emergency, or if someone is unwell, call 120 first.</p>"),
        ],
    ),
    "community-prevention": (
        [
            ("heading", {"text": "一次社区禁毒宣传日", "level": "h2"}),
            (
                "paragraph",
                "<p>社工在社区广场设摊，用展板介绍毒品的伪装，开展有奖问答，邀请居民体验“醉酒眼镜”，感受毒品对判断力的影响；志愿者向老人和家长分发宣传单，讲解如何留意孩子的变化。</p>",
            ),
            (
                "paragraph",
                "<p>活动之外，社工还走进居民家中，为社区戒毒康复人员的家庭提供支持，帮助他们重新融入社区。</p>",
            ),
        ],
        [
            ("heading", {"text": "A community prevention day", "level": "h2"}),
            (
                "paragraph",
                "<p>Social workers set up a stand on the neighbourhood square: display boards on disguised drugs, a quiz with prizes, and “drunk goggles” that let residents feel how drugs affect judgement; volunteers give older residents and parents leaflets and explain how to notice changes in children.</p>",
            ),
            (
                "paragraph",
                "<p>Beyond these days, social workers visit homes to support the families of people in community-based recovery and help them settle back into the neighbourhood.</p>",
            ),
        ],
    ),
    "school-counsellors": (
        [
            ("heading", {"text": "校外辅导员做什么", "level": "h2"}),
            (
                "paragraph",
                "<p>每学期，辅导员按协议到校开展若干次禁毒教育：主题班会、讲座、知识竞赛和体验活动；与班主任一起关注需要帮助的学生；在6·26国际禁毒日前后组织全校活动。</p>",
            ),
            (
                "paragraph",
                "<p>学校可以通过本站“预约禁毒讲座”提出需求，所在区的工作站会联系学校商定时间。</p>",
            ),
        ],
        [
            ("heading", {"text": "What an off-campus counsellor does", "level": "h2"}),
            (
                "paragraph",
                "<p>Each term the counsellor comes to the school for the sessions agreed: class meetings, talks, contests and hands-on activities; looks out for pupils who need help together with form teachers; and runs school-wide activities around June 26.</p>",
            ),
            (
                "paragraph",
                "<p>Schools can ask through “Request a talk” on this site, and their district's station will contact them to agree a date.</p>",
            ),
        ],
    ),
    "peer-counselling": (
        [
            ("heading", {"text": "为什么同伴的话更有分量", "level": "h2"}),
            (
                "paragraph",
                "<p>同伴辅导员走过同样的路，知道戒断有多难，也知道复吸前的信号。他们的经历让正在戒毒的人相信改变是可能的，也让家属看到希望。</p>",
            ),
            ("quote", {"text": "我能做到，你也能。", "attribution": "一位同伴辅导员"}),
        ],
        [
            ("heading", {"text": "Why a peer's word carries weight", "level": "h2"}),
            (
                "paragraph",
                "<p>Peer counsellors have walked the same road: they know how hard stopping is and the signals before a relapse. Their story lets people in treatment believe change is possible, and gives families hope.</p>",
            ),
            ("quote", {"text": "I did it, and so can you.", "attribution": "A peer counsellor"}),
        ],
    ),
}


def with_more(spec):
    """``spec`` (an article of jindu.demo.content) with its further sections, if any."""
    more = MORE.get(spec["slug"])
    if more is None:
        return spec
    zh, en = more
    return {
        **spec,
        "zh": {**spec["zh"], "body": [*spec["zh"]["body"], *zh]},
        "en": {**spec["en"], "body": [*spec["en"]["body"], *en]},
    }


# A second quiz for the adults social workers meet (parents, residents, employees, teachers):
# the questions an event's feedback page asks them (campaigns.public.feedback).
ADULT_QUIZ = {
    "slug": "quiz-for-adults",
    "en_slug": "quiz-for-adults",
    "audiences": ["parents", "residents", "employees", "teachers"],
    "zh": {
        "title": "家长和居民禁毒知识小测验",
        "intro": "<p>四道题，看看你能否识别毒品、及早发现身边人的变化。答案不会被记录。</p>",
        "questions": [
            {
                "question": "下列哪种“零食”可能是伪装的毒品？",
                "options": [
                    "来历不明、包装花哨的“跳跳糖”“奶茶粉”",
                    "超市购买的品牌饼干",
                    "自家做的饭菜",
                ],
                "explanation": "<p>新型毒品常伪装成跳跳糖、奶茶、邮票等，来历不明的东西不要吃，也别让孩子吃。</p>",
            },
            {
                "question": "孩子突然成绩下滑、作息颠倒、要钱变多，家长首先应该：",
                "options": ["平静地和孩子谈一谈，必要时联系禁毒社工", "严厉打骂", "装作没看见"],
                "explanation": "<p>这些变化不一定是吸毒，但值得关心。冷静沟通比指责更能让孩子说实话。</p>",
            },
            {
                "question": "“笑气”（一氧化二氮）被当作“气球”吸食：",
                "options": ["会损伤神经，严重时导致瘫痪", "只是好玩，没有危害", "可以提神醒脑"],
                "explanation": "<p>滥用笑气会造成维生素B12缺乏、神经损伤，甚至下肢瘫痪。</p>",
            },
            {
                "question": "发现有人贩卖毒品，可以：",
                "options": ["拨打110或向公安禁毒部门举报", "私下去劝说", "在网上发帖曝光"],
                "explanation": "<p>举报毒品犯罪可拨打110或当地禁毒举报电话，举报人信息受保护。</p>",
            },
        ],
    },
    "en": {
        "title": "Drug facts quiz for parents and residents",
        "intro": "<p>Four questions: can you spot disguised drugs and notice when someone close to you changes? Your answers are not recorded.</p>",
        "questions": [
            {
                "question": "Which of these 'snacks' may be a disguised drug?",
                "options": [
                    "Popping candy or milk-tea powder of unknown origin in flashy packets",
                    "Branded biscuits from the supermarket",
                    "Home-cooked food",
                ],
                "explanation": "<p>New drugs are often disguised as popping candy, milk tea or stamps: do not eat, or let children eat, anything of unknown origin.</p>",
            },
            {
                "question": "A child's marks drop, their sleep turns upside down and they ask for more money. First:",
                "options": [
                    "Talk calmly with the child, and contact a social worker if needed",
                    "Punish them harshly",
                    "Pretend not to notice",
                ],
                "explanation": "<p>These changes do not always mean drugs, but they deserve attention. A calm talk gets more truth than blame.</p>",
            },
            {
                "question": "Inhaling 'laughing gas' (nitrous oxide) from balloons:",
                "options": [
                    "Damages the nerves and can cause paralysis",
                    "Is harmless fun",
                    "Helps you concentrate",
                ],
                "explanation": "<p>Misusing nitrous oxide causes vitamin B12 deficiency, nerve damage and even paralysis of the legs.</p>",
            },
            {
                "question": "You find out someone is selling drugs. You can:",
                "options": [
                    "Call 110 or report it to the police's narcotics department",
                    "Try to talk them out of it yourself",
                    "Post about it online",
                ],
                "explanation": "<p>Report drug crime on 110 or the local narcotics reporting line; whoever reports is protected.</p>",
            },
        ],
    },
}
