"""The drug A–Z of the demo: the substances young people in China actually meet, each with
its street names, how it looks and is disguised, what it does, the law and what to do in an
emergency, in Chinese and English.

Sources: public prevention material of the National Narcotics Control Commission (中国禁毒网)
and the Shanghai and Shenzhen anti-drug social work agencies; the State Council's and the
National Medical Products Administration's control lists (整类列管 of fentanyl-related
substances from 1 May 2019 and of synthetic cannabinoids from 1 July 2021; etomidate a
controlled psychotropic from 1 October 2023); UNODC and WHO fact sheets for effects. For
prevention education: a clinician or the hotline, not this page, advises a person."""

LAW_ZH = (
    "<p>列入国家管制的麻醉药品或精神药品目录，属于《刑法》和《禁毒法》规定的毒品。吸食、注射毒品"
    "违反《治安管理处罚法》，可被拘留、罚款并责令社区戒毒或强制隔离戒毒；走私、贩卖、运输、制造"
    "毒品，无论数量多少，都应当追究刑事责任。</p>"
)
LAW_EN = (
    "<p>On China's lists of controlled narcotic or psychotropic substances, so a drug under the "
    "Criminal Law and the Anti-Drug Law. Using it breaks the Public Security Administration "
    "Punishments Law (detention, a fine, community-based or compulsory treatment); smuggling, "
    "selling, transporting or making any amount of it is a crime.</p>"
)
EMERGENCY_ZH = (
    "<p>如果有人使用后昏迷、叫不醒、呼吸困难、抽搐、胸痛或高热：立即拨打<b>120</b>，告诉"
    "医生对方可能用了什么；让其侧卧，保持呼吸道通畅；不要让其独处，不要喂水、催吐或给其他药物。"
    "救人不会因为报告吸毒而受到追究的顾虑不应耽误呼救。</p>"
)
EMERGENCY_EN = (
    "<p>If someone who has taken it cannot be woken, struggles to breathe, has a fit, chest pain "
    "or overheats: call <b>120</b> at once and tell them what may have been taken; lay "
    "the person on their side to keep the airway open; stay with them; do not give water, make "
    "them sick or give other drugs. Worry about getting into trouble must never delay a call for "
    "help.</p>"
)
OPIOID_EMERGENCY_ZH = (
    "<p>呼吸变慢变浅、嘴唇和指甲发紫、瞳孔缩小、叫不醒，是阿片类过量的征兆：立即拨打<b>120"
    "</b>，让其侧卧并保持呼吸道通畅，必要时在急救人员指导下进行人工呼吸。过量可在几分钟内致命。</p>"
)
OPIOID_EMERGENCY_EN = (
    "<p>Slow, shallow breathing, blue lips and fingernails, pinpoint pupils and not waking up are "
    "signs of an opioid overdose: call <b>120</b> at once, put the person on their "
    "side, keep the airway open and give rescue breaths if the dispatcher tells you to. An "
    "overdose can kill within minutes.</p>"
)
HEAT_EMERGENCY_ZH = (
    "<p>兴奋剂可使体温升高到危险程度。出现高热、意识模糊、抽搐或胸痛时立即拨打<b>120</b>；"
    "把人移到阴凉通风处，松开衣物，用湿毛巾降温，少量喝水但不要大量饮水，不要让其独处。</p>"
)
HEAT_EMERGENCY_EN = (
    "<p>Stimulants can push body temperature dangerously high. For overheating, confusion, fits "
    "or chest pain call <b>120</b>; move the person somewhere cool and airy, loosen "
    "their clothes, cool them with a damp cloth, give small sips of water but not large amounts, "
    "and stay with them.</p>"
)
HELP_ZH = "<p>拨打24小时求助热线，或联系所在区的禁毒社工站。主动到公安机关登记或到戒毒医疗机构自愿戒毒，依法不予处罚。</p>"
HELP_EN = (
    "<p>Call the 24-hour help hotline or contact the work station in your district. People who "
    "register with the police or seek voluntary treatment are not punished for their drug use.</p>"
)


def drug(slug, category, zh, en):
    """One entry: the common texts filled in where an entry has nothing of its own."""
    zh.setdefault("legal_status", LAW_ZH)
    en.setdefault("legal_status", LAW_EN)
    zh.setdefault("emergency", EMERGENCY_ZH)
    en.setdefault("emergency", EMERGENCY_EN)
    zh.setdefault("get_help", HELP_ZH)
    en.setdefault("get_help", HELP_EN)
    return {"slug": slug, "en_slug": slug, "category": category, "zh": zh, "en": en}


DRUGS = [
    drug(
        "heroin",
        "opioid",
        {
            "title": "海洛因",
            "street_names": "白粉、四号、白面",
            "summary": "从鸦片中提炼的阿片类毒品，成瘾性极强，是传统毒品中危害最大的一种。",
            "appearance": "<p>白色或米黄色粉末，也有褐色块状；常用锡纸、塑料小袋分装。</p>",
            "how_used": "<p>烫吸（“追龙”）、鼻吸或静脉注射。</p>",
            "short_term_effects": "<p>短暂的欣快感后出现嗜睡、恶心呕吐、瞳孔缩小、呼吸变慢。</p>",
            "long_term_effects": "<p>很快形成强烈的身体和心理依赖，停用时出现流泪、腹痛、骨头痛、失眠等严重戒断反应；长期使用损害肝、肾和免疫系统。</p>",
            "risks": "<p>过量可导致呼吸停止而死亡；共用针具传播艾滋病、丙肝和乙肝。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Heroin",
            "street_names": "smack, brown, H",
            "summary": "An opioid refined from opium: extremely addictive and the most harmful of the traditional drugs.",
            "appearance": "<p>A white or off-white powder, sometimes brown lumps; often sold in foil or small plastic bags.</p>",
            "how_used": "<p>Smoked from foil (“chasing the dragon”), snorted or injected.</p>",
            "short_term_effects": "<p>A brief rush, then drowsiness, nausea and vomiting, pinpoint pupils and slowed breathing.</p>",
            "long_term_effects": "<p>Strong physical and psychological dependence comes fast; stopping brings tears, cramps, aching bones and sleeplessness. Long use harms the liver, kidneys and immune system.</p>",
            "risks": "<p>An overdose can stop breathing and kill; shared needles spread HIV and hepatitis B and C.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
    drug(
        "opium",
        "opioid",
        {
            "title": "鸦片",
            "street_names": "大烟、阿片、烟土",
            "summary": "罂粟未成熟果实中流出的乳汁干燥而成，是吗啡和海洛因的原料。",
            "appearance": "<p>黑褐色膏状或块状，有特殊的刺激气味。</p>",
            "how_used": "<p>点燃后吸食烟雾，也有口服。</p>",
            "short_term_effects": "<p>镇静、嗜睡、恶心、便秘，呼吸和心跳变慢。</p>",
            "long_term_effects": "<p>形成依赖，身体消瘦、免疫力下降，停用出现戒断反应。</p>",
            "risks": "<p>与酒精或镇静药物同用时极易过量致死。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Opium",
            "street_names": "black tar, O",
            "summary": "The dried latex of unripe poppy pods, from which morphine and heroin are made.",
            "appearance": "<p>A dark brown sticky paste or block with a sharp smell.</p>",
            "how_used": "<p>Smoked, sometimes swallowed.</p>",
            "short_term_effects": "<p>Calm and drowsiness, nausea, constipation, slower breathing and heartbeat.</p>",
            "long_term_effects": "<p>Dependence, weight loss and weakened immunity, with withdrawal on stopping.</p>",
            "risks": "<p>Taken with alcohol or sedatives it easily causes a fatal overdose.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
    drug(
        "morphine",
        "opioid",
        {
            "title": "吗啡",
            "street_names": "吗啡针",
            "summary": "从鸦片中提取的阿片类药物。医疗上用于镇痛，受严格管制；非法使用即为吸毒。",
            "appearance": "<p>药用为注射液或片剂；非法流通的多为白色粉末。</p>",
            "how_used": "<p>注射或口服。</p>",
            "short_term_effects": "<p>止痛、嗜睡、恶心，呼吸抑制。</p>",
            "long_term_effects": "<p>耐受和依赖，剂量越用越大，停药出现戒断反应。</p>",
            "risks": "<p>过量导致呼吸停止。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Morphine",
            "street_names": "M, morph",
            "summary": "An opioid extracted from opium. Used strictly in medicine for pain; any other use is drug use.",
            "appearance": "<p>Medical injections or tablets; on the illegal market usually a white powder.</p>",
            "how_used": "<p>Injected or swallowed.</p>",
            "short_term_effects": "<p>Pain relief, drowsiness, nausea and depressed breathing.</p>",
            "long_term_effects": "<p>Tolerance and dependence: ever larger doses, withdrawal on stopping.</p>",
            "risks": "<p>An overdose stops breathing.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
    drug(
        "fentanyl",
        "opioid",
        {
            "title": "芬太尼",
            "street_names": "芬太尼类物质",
            "summary": "强效合成阿片类物质，药效约为吗啡的100倍，几毫克即可致命。",
            "appearance": "<p>白色粉末或仿冒成普通药片，常被混入其他毒品而不被察觉。</p>",
            "how_used": "<p>非法使用者多以吸食、口服或贴剂滥用。</p>",
            "short_term_effects": "<p>极度嗜睡、意识模糊、呼吸明显变慢。</p>",
            "long_term_effects": "<p>迅速形成依赖。</p>",
            "risks": "<p>极小剂量即可导致呼吸停止，是北美过量死亡的主要原因。</p>",
            "legal_status": "<p>我国自2019年5月1日起将芬太尼类物质整类列入管制，是全球最早整类列管的国家。非法制造、贩卖、运输均构成毒品犯罪；医用芬太尼仅限医疗机构按规定使用。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Fentanyl",
            "street_names": "fentanyl-related substances, China white",
            "summary": "A powerful synthetic opioid about 100 times stronger than morphine; a few milligrams can kill.",
            "appearance": "<p>A white powder or fake pills that look like ordinary medicine; often mixed into other drugs unnoticed.</p>",
            "how_used": "<p>Misused by smoking, swallowing or abusing patches.</p>",
            "short_term_effects": "<p>Extreme drowsiness, confusion, markedly slowed breathing.</p>",
            "long_term_effects": "<p>Dependence develops fast.</p>",
            "risks": "<p>A tiny dose can stop breathing; it drives North America's overdose deaths.</p>",
            "legal_status": "<p>Since 1 May 2019 China has controlled fentanyl-related substances as a whole class, the first country to do so. Making, selling or transporting them is a drug crime; medical fentanyl is for licensed clinical use only.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
    drug(
        "tramadol",
        "opioid",
        {
            "title": "曲马多",
            "street_names": "曲马朵、“快乐片”",
            "summary": "人工合成的阿片类镇痛药，被一些青少年当作“提神药”滥用。",
            "appearance": "<p>白色片剂或胶囊，外观与普通药片相同。</p>",
            "how_used": "<p>大量口服。</p>",
            "short_term_effects": "<p>头晕、恶心、兴奋或嗜睡，可诱发抽搐。</p>",
            "long_term_effects": "<p>形成依赖，停药出现焦虑、出汗、失眠等戒断反应。</p>",
            "risks": "<p>过量导致癫痫样抽搐和呼吸抑制。</p>",
            "legal_status": "<p>我国已将曲马多列入第二类精神药品管理，只能凭处方在医疗机构使用。非法买卖、非法提供给他人使用属违法犯罪。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Tramadol",
            "street_names": "trammies, “happy pills”",
            "summary": "A synthetic opioid painkiller that some teenagers misuse as a pick-me-up.",
            "appearance": "<p>White tablets or capsules that look like any medicine.</p>",
            "how_used": "<p>Swallowed in large amounts.</p>",
            "short_term_effects": "<p>Dizziness, nausea, excitement or drowsiness; it can cause fits.</p>",
            "long_term_effects": "<p>Dependence, with anxiety, sweating and sleeplessness on stopping.</p>",
            "risks": "<p>An overdose brings seizures and depressed breathing.</p>",
            "legal_status": "<p>Controlled in China as a class II psychotropic: prescription use in hospitals only. Selling it or supplying it to others is illegal.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
    drug(
        "methamphetamine",
        "stimulant",
        {
            "title": "冰毒",
            "street_names": "甲基苯丙胺、溜冰、冰",
            "summary": "化学合成的苯丙胺类兴奋剂，是我国滥用人数最多的合成毒品之一。",
            "appearance": "<p>无色透明或白色的结晶体，形似冰糖或碎冰。</p>",
            "how_used": "<p>用玻璃“冰壶”烫吸，也有口服或注射。</p>",
            "short_term_effects": "<p>极度兴奋、几天不睡、食欲消失、心跳加快、血压和体温升高。</p>",
            "long_term_effects": "<p>严重损害大脑和心脏，牙齿损坏（“冰毒嘴”）、消瘦；常引发幻觉、被害妄想等精神病症状。</p>",
            "risks": "<p>可导致暴力、自伤和猝死；一次使用也可能诱发精神症状。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Methamphetamine",
            "street_names": "ice, crystal, meth",
            "summary": "A synthetic amphetamine-type stimulant, one of the most used synthetic drugs in China.",
            "appearance": "<p>Clear or white crystals like rock sugar or broken ice.</p>",
            "how_used": "<p>Smoked from a glass pipe, sometimes swallowed or injected.</p>",
            "short_term_effects": "<p>Intense excitement, days without sleep, no appetite, racing heart, high blood pressure and temperature.</p>",
            "long_term_effects": "<p>Serious damage to brain and heart, ruined teeth (“meth mouth”) and weight loss; often psychosis with hallucinations and paranoia.</p>",
            "risks": "<p>Violence, self-harm and sudden death; even one use can trigger psychosis.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "yaba",
        "stimulant",
        {
            "title": "麻古",
            "street_names": "马古、“麻果”、yaba",
            "summary": "以甲基苯丙胺为主要成分、掺有咖啡因的片剂，常从境外走私入境。",
            "appearance": "<p>红色、绿色或紫色的小圆片，常印有“WY”“R”等字母，带香味。</p>",
            "how_used": "<p>放在锡纸上加热吸食烟雾，或口服。</p>",
            "short_term_effects": "<p>兴奋、话多、不知疲倦、心跳加快。</p>",
            "long_term_effects": "<p>与冰毒相同：精神病症状、心脏损害、依赖。</p>",
            "risks": "<p>颜色和香味让人误以为是“糖丸”，实为冰毒。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Yaba",
            "street_names": "ma gu, crazy pills",
            "summary": "Tablets of methamphetamine with caffeine, mostly smuggled in from abroad.",
            "appearance": "<p>Small red, green or purple round tablets, often stamped “WY” or “R”, with a sweet smell.</p>",
            "how_used": "<p>Heated on foil and the smoke inhaled, or swallowed.</p>",
            "short_term_effects": "<p>Excitement, talkativeness, no tiredness, racing heart.</p>",
            "long_term_effects": "<p>As methamphetamine: psychosis, heart damage, dependence.</p>",
            "risks": "<p>The colours and smell suggest sweets; it is methamphetamine.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "amphetamine",
        "stimulant",
        {
            "title": "苯丙胺",
            "street_names": "安非他命、“速度”",
            "summary": "冰毒的“近亲”，同属苯丙胺类兴奋剂，常以“提神”“减肥”“提高成绩”为名诱人使用。",
            "appearance": "<p>白色或淡黄色粉末、片剂或胶囊。</p>",
            "how_used": "<p>口服、鼻吸或注射。</p>",
            "short_term_effects": "<p>兴奋、注意力暂时集中、食欲下降、失眠。</p>",
            "long_term_effects": "<p>焦虑、抑郁、精神病症状，心血管损害，依赖。</p>",
            "risks": "<p>“考试提神药”的说法是骗局：用后注意力和记忆力反而受损。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Amphetamine",
            "street_names": "speed, whizz",
            "summary": "A close relative of methamphetamine, pushed as something to stay awake, lose weight or study harder.",
            "appearance": "<p>White or yellowish powder, tablets or capsules.</p>",
            "how_used": "<p>Swallowed, snorted or injected.</p>",
            "short_term_effects": "<p>Excitement, brief focus, no appetite, sleeplessness.</p>",
            "long_term_effects": "<p>Anxiety, depression, psychosis, heart damage and dependence.</p>",
            "risks": "<p>The “study drug” story is a lie: attention and memory suffer.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "mdma",
        "stimulant",
        {
            "title": "摇头丸",
            "street_names": "MDMA、迷魂药、“糖果”、E仔",
            "summary": "以MDMA为主要成分的苯丙胺类毒品，兼有兴奋和致幻作用，多在娱乐场所传播。",
            "appearance": "<p>各种颜色的药片，印有卡通图案或品牌标志，看起来像糖果；也有晶体或粉末（“MD”）。</p>",
            "how_used": "<p>口服，也有溶入饮料中。</p>",
            "short_term_effects": "<p>兴奋、亢奋、伴随音乐不停摇头，出汗、磨牙、体温升高。</p>",
            "long_term_effects": "<p>损伤大脑中调节情绪和记忆的神经，事后出现抑郁、焦虑和记忆力下降。</p>",
            "risks": "<p>在拥挤闷热的场所可导致中暑样高热、脱水或饮水过量，引起器官衰竭死亡；片剂成分往往不明。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Ecstasy (MDMA)",
            "street_names": "MDMA, E, molly, “candy”",
            "summary": "An amphetamine-type drug both stimulant and hallucinogenic, spread mostly in nightlife venues.",
            "appearance": "<p>Coloured tablets stamped with cartoons or logos, like sweets; also crystals or powder (“MD”).</p>",
            "how_used": "<p>Swallowed, sometimes dissolved in drinks.</p>",
            "short_term_effects": "<p>Euphoria and energy, sweating, jaw clenching, rising temperature.</p>",
            "long_term_effects": "<p>Damage to the nerves that regulate mood and memory: depression, anxiety and memory loss afterwards.</p>",
            "risks": "<p>In hot crowded places: heatstroke, dehydration or drinking too much water, and fatal organ failure; what a tablet holds is rarely known.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "cocaine",
        "stimulant",
        {
            "title": "可卡因",
            "street_names": "古柯碱、可可精、“快克”（块状）",
            "summary": "从古柯叶中提取的强效中枢兴奋剂。",
            "appearance": "<p>白色结晶性粉末；“快克”为块状晶体。</p>",
            "how_used": "<p>鼻吸粉末，或加热吸食“快克”，也有注射。</p>",
            "short_term_effects": "<p>强烈但短暂的兴奋和自信感，心跳加快、血管收缩、体温升高。</p>",
            "long_term_effects": "<p>强烈的心理依赖，鼻中隔穿孔，焦虑、偏执。</p>",
            "risks": "<p>可引发心肌梗死、中风和猝死，与酒精同用更危险。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Cocaine",
            "street_names": "coke, charlie, crack (as rocks)",
            "summary": "A powerful stimulant extracted from coca leaves.",
            "appearance": "<p>A white crystalline powder; crack is crystal rocks.</p>",
            "how_used": "<p>Powder snorted, crack smoked, sometimes injected.</p>",
            "short_term_effects": "<p>An intense, short high and confidence, racing heart, narrowed vessels, rising temperature.</p>",
            "long_term_effects": "<p>Strong psychological dependence, a damaged nose, anxiety and paranoia.</p>",
            "risks": "<p>Heart attack, stroke and sudden death, worse with alcohol.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "cathinones",
        "stimulant",
        {
            "title": "合成卡西酮",
            "street_names": "“浴盐”、“喵喵”、4-MMC、甲卡西酮",
            "summary": "模仿恰特草有效成分合成的兴奋剂，常冒充“浴盐”“植物肥料”在网上出售。",
            "appearance": "<p>白色或褐色粉末、晶体，包装上写着“不供人类使用”。</p>",
            "how_used": "<p>鼻吸、口服或注射。</p>",
            "short_term_effects": "<p>兴奋、心跳加快、烦躁、幻觉。</p>",
            "long_term_effects": "<p>强烈渴求、偏执、攻击行为，心脏和肾脏损害。</p>",
            "risks": "<p>激越性谵妄和高热可致命；成分和剂量完全不可知。</p>",
            "emergency": HEAT_EMERGENCY_ZH,
        },
        {
            "title": "Synthetic cathinones",
            "street_names": "“bath salts”, meow meow, mephedrone",
            "summary": "Stimulants made to imitate khat's active ingredient, sold online as “bath salts” or “plant food”.",
            "appearance": "<p>White or brown powder or crystals, labelled “not for human consumption”.</p>",
            "how_used": "<p>Snorted, swallowed or injected.</p>",
            "short_term_effects": "<p>Excitement, racing heart, agitation, hallucinations.</p>",
            "long_term_effects": "<p>Strong craving, paranoia, aggression, heart and kidney damage.</p>",
            "risks": "<p>Agitated delirium and overheating can kill; content and dose are unknowable.</p>",
            "emergency": HEAT_EMERGENCY_EN,
        },
    ),
    drug(
        "khat",
        "stimulant",
        {
            "title": "恰特草",
            "street_names": "阿拉伯茶、巧茶、“东非罂粟”",
            "summary": "一种常绿灌木的嫩叶，含卡西酮等兴奋成分，常被伪装成茶叶邮寄入境。",
            "appearance": "<p>新鲜或晒干的绿色叶片和嫩枝，与茶叶相似。</p>",
            "how_used": "<p>咀嚼鲜叶或泡水饮用。</p>",
            "short_term_effects": "<p>兴奋、多话、失眠、食欲下降。</p>",
            "long_term_effects": "<p>口腔疾病、消化系统和肝损害，抑郁、精神症状。</p>",
            "risks": "<p>我国已将恰特草列入管制，携带、邮寄入境即涉嫌走私毒品。</p>",
        },
        {
            "title": "Khat",
            "street_names": "qat, Arabian tea",
            "summary": "The young leaves of an evergreen shrub containing cathinone; often mailed in disguised as tea.",
            "appearance": "<p>Fresh or dried green leaves and twigs that look like tea.</p>",
            "how_used": "<p>Fresh leaves chewed or brewed in water.</p>",
            "short_term_effects": "<p>Excitement, talkativeness, sleeplessness, loss of appetite.</p>",
            "long_term_effects": "<p>Mouth disease, digestive and liver damage, depression and psychosis.</p>",
            "risks": "<p>Controlled in China: bringing or posting it into the country is smuggling drugs.</p>",
        },
    ),
    drug(
        "cannabis",
        "cannabis",
        {
            "title": "大麻",
            "street_names": "草、叶子、麻叶、“飞叶子”",
            "summary": "大麻植物的叶、花和树脂制品，在我国属于毒品，无论所谓“娱乐用”还是“药用”。",
            "appearance": "<p>干燥碎叶（大麻烟），深褐色块状树脂（大麻脂），或油状物（大麻油）；也被做成糖果、饼干和电子烟油。</p>",
            "how_used": "<p>卷烟吸食、电子烟或混入食物。</p>",
            "short_term_effects": "<p>放松、时间感错乱、反应变慢、记忆力下降、焦虑或惊恐。</p>",
            "long_term_effects": "<p>青少年使用损害正在发育的大脑，影响学习和记忆，增加精神分裂症等精神疾病的风险；可形成依赖。</p>",
            "risks": "<p>在一些国家合法不等于在我国合法：我国公民在境外吸食大麻，回国后同样依法处理。</p>",
        },
        {
            "title": "Cannabis",
            "street_names": "weed, grass, pot, marijuana",
            "summary": "The leaves, flowers and resin of the cannabis plant: a drug in China, whether called recreational or medical.",
            "appearance": "<p>Dried crushed leaves, dark brown resin (hash) or oil; also made into sweets, biscuits and vape liquid.</p>",
            "how_used": "<p>Smoked in joints, vaped, or eaten in food.</p>",
            "short_term_effects": "<p>Relaxation, distorted sense of time, slow reactions, poor memory, anxiety or panic.</p>",
            "long_term_effects": "<p>In teenagers it harms the developing brain, learning and memory, raises the risk of psychosis and can cause dependence.</p>",
            "risks": "<p>Legal elsewhere is not legal in China: Chinese citizens who use it abroad are dealt with by Chinese law on return.</p>",
        },
    ),
    drug(
        "synthetic-cannabinoids",
        "nps",
        {
            "title": "合成大麻素",
            "street_names": "“小树枝”、“娜塔莎”、“上头电子烟”、“K2”",
            "summary": "实验室合成的新精神活性物质，作用比天然大麻强数十倍，常被加入电子烟油。",
            "appearance": "<p>喷涂在干草叶上的“香料”，更多是电子烟油、烟弹，外观与普通电子烟无异。</p>",
            "how_used": "<p>用电子烟吸食或卷烟吸食。</p>",
            "short_term_effects": "<p>几口之内出现头晕、心悸、呕吐、意识错乱、抽搐。</p>",
            "long_term_effects": "<p>依赖，焦虑、抑郁、精神病症状，肾脏损害。</p>",
            "risks": "<p>剂量无法掌握，已有青少年吸食后昏迷、死亡的案例。</p>",
            "legal_status": "<p>我国自2021年7月1日起将合成大麻素类物质整类列入管制。添加合成大麻素的电子烟油即是毒品，买卖、提供给他人吸食均属违法犯罪。</p>",
        },
        {
            "title": "Synthetic cannabinoids",
            "street_names": "spice, K2, “high” vape liquid",
            "summary": "Lab-made new psychoactive substances dozens of times stronger than cannabis, often added to vape liquid.",
            "appearance": "<p>Sprayed on dried herbs, but mostly as e-liquid or pods that look like any e-cigarette.</p>",
            "how_used": "<p>Vaped or smoked.</p>",
            "short_term_effects": "<p>Within a few puffs: dizziness, palpitations, vomiting, confusion, seizures.</p>",
            "long_term_effects": "<p>Dependence, anxiety, depression, psychosis, kidney damage.</p>",
            "risks": "<p>The dose cannot be judged; teenagers have fallen into comas and died.</p>",
            "legal_status": "<p>Since 1 July 2021 China has controlled synthetic cannabinoids as a whole class. Vape liquid with them in is a drug; selling it or giving it to others is a crime.</p>",
        },
    ),
    drug(
        "etomidate",
        "nps",
        {
            "title": "依托咪酯",
            "street_names": "“太空油”、“上头电子烟”、“G胖子”",
            "summary": "一种医用麻醉药，被非法添加进电子烟油，近年在青少年中蔓延。",
            "appearance": "<p>电子烟油或一次性电子烟，外包装花哨，常冒充普通水果味电子烟。</p>",
            "how_used": "<p>用电子烟吸食。</p>",
            "short_term_effects": "<p>头晕、“飘”的感觉、肢体不自主抖动、走路不稳、意识模糊。</p>",
            "long_term_effects": "<p>形成依赖，损害肾上腺功能，出现肌肉抽搐、记忆力下降。</p>",
            "risks": "<p>吸食后摔倒、抽搐、昏迷；与酒精同用可抑制呼吸。</p>",
            "legal_status": "<p>我国自2023年10月1日起将依托咪酯列入第二类精神药品管理。非法生产、买卖、提供含依托咪酯的电子烟油属违法犯罪，吸食同样违法。</p>",
        },
        {
            "title": "Etomidate",
            "street_names": "“space oil”, “high” vapes",
            "summary": "A medical anaesthetic illegally added to vape liquid, spreading among teenagers in recent years.",
            "appearance": "<p>E-liquid or disposable vapes in bright packaging, passed off as ordinary fruit-flavoured e-cigarettes.</p>",
            "how_used": "<p>Vaped.</p>",
            "short_term_effects": "<p>Dizziness, a floating feeling, involuntary jerking, unsteady walking, confusion.</p>",
            "long_term_effects": "<p>Dependence, damage to the adrenal glands, muscle twitching and memory problems.</p>",
            "risks": "<p>Falls, seizures and unconsciousness; with alcohol it can depress breathing.</p>",
            "legal_status": "<p>Controlled in China as a class II psychotropic since 1 October 2023. Making, selling or supplying e-liquid containing it is a crime, and so is using it.</p>",
        },
    ),
    drug(
        "nps",
        "nps",
        {
            "title": "新精神活性物质",
            "street_names": "“第三代毒品”、“策划药”、“实验室毒品”",
            "summary": "为逃避管制而不断修改化学结构的合成物质，模仿传统毒品的作用，被称为第三代毒品。",
            "appearance": "<p>粉末、药片、邮票状纸片、电子烟油，常伪装成食品、饮料或“香料”“浴盐”。</p>",
            "how_used": "<p>吸食、口服、鼻吸。</p>",
            "short_term_effects": "<p>视具体物质而定：兴奋、致幻或镇静，往往比传统毒品更强烈、更难预料。</p>",
            "long_term_effects": "<p>许多物质尚无研究，长期危害未知。</p>",
            "risks": "<p>“新”不代表安全或合法：成分和剂量无从知晓，一次使用就可能中毒。</p>",
            "legal_status": "<p>我国按照《非药用类麻醉药品和精神药品列管办法》（2015年）不断增补列管，已列管的新精神活性物质与海洛因、冰毒一样是毒品，并对芬太尼类物质、合成大麻素类物质实行整类列管。</p>",
        },
        {
            "title": "New psychoactive substances",
            "street_names": "“third-generation drugs”, designer drugs, research chemicals",
            "summary": "Synthetic substances whose structure keeps changing to dodge control, imitating traditional drugs.",
            "appearance": "<p>Powders, pills, stamp-like paper, e-liquid; often disguised as food, drinks, “incense” or “bath salts”.</p>",
            "how_used": "<p>Smoked, swallowed or snorted.</p>",
            "short_term_effects": "<p>Depending on the substance: stimulant, hallucinogenic or sedative, often stronger and less predictable than traditional drugs.</p>",
            "long_term_effects": "<p>Many have never been studied: long-term harm is unknown.</p>",
            "risks": "<p>New is not safe or legal: content and dose are unknown, and one use can poison.</p>",
            "legal_status": "<p>China adds them to control under the 2015 measures for non-medical narcotic and psychotropic substances; listed ones are drugs like heroin or methamphetamine, and fentanyl-related substances and synthetic cannabinoids are controlled as whole classes.</p>",
        },
    ),
    drug(
        "disguised-drugs",
        "nps",
        {
            "title": "伪装型毒品",
            "street_names": "“奶茶”、“跳跳糖”、“邮票”、“咖啡包”、“小蓝瓶”",
            "summary": "把毒品做成奶茶粉、糖果、咖啡、果冻、邮票或电子烟的样子，专门针对青少年的好奇心。",
            "appearance": "<p>包装精美的“奶茶”“咖啡”小包、跳跳糖、软糖、巧克力、卡通图案的“邮票”纸片、口服液“小蓝瓶”、电子烟。价格异常、来历不明、要求私下交易是共同特点。</p>",
            "how_used": "<p>冲饮、直接食用、放在舌下，或吸食。</p>",
            "short_term_effects": "<p>视其中的毒品而定：兴奋、幻觉、意识丧失。</p>",
            "long_term_effects": "<p>与其中所含毒品相同。</p>",
            "risks": "<p>看起来无害，剂量却无法掌握；有人借此在饮料中投放毒品实施侵害。</p>",
            "legal_status": "<p>伪装不改变性质：含有毒品成分的食品、饮料就是毒品，贩卖、提供给他人同样构成犯罪。</p>",
        },
        {
            "title": "Disguised drugs",
            "street_names": "“milk tea”, “popping candy”, “stamps”, “coffee sachets”",
            "summary": "Drugs made to look like milk-tea powder, sweets, coffee, jelly, stamps or vapes, aimed at young people's curiosity.",
            "appearance": "<p>Neatly packed “milk tea” or “coffee” sachets, popping candy, gummies, chocolate, cartoon “stamps”, small vials of “oral liquid”, vapes. An odd price, no known origin and a private deal are the common signs.</p>",
            "how_used": "<p>Dissolved in drinks, eaten, held under the tongue or smoked.</p>",
            "short_term_effects": "<p>Depending on the drug inside: excitement, hallucinations, blackouts.</p>",
            "long_term_effects": "<p>Those of the drug inside.</p>",
            "risks": "<p>They look harmless but the dose is unknown; some are used to spike drinks.</p>",
            "legal_status": "<p>A disguise changes nothing: food or drink containing a drug is a drug, and selling or supplying it is a crime.</p>",
        },
    ),
    drug(
        "ketamine",
        "dissociative",
        {
            "title": "氯胺酮",
            "street_names": "K粉、K仔、嗨粉",
            "summary": "一种麻醉剂，被滥用时产生与现实分离的感觉，多在娱乐场所出现。",
            "appearance": "<p>白色结晶性粉末，有时混入饮料或压成片剂。</p>",
            "how_used": "<p>鼻吸（“打K”）、溶于饮料口服或注射。</p>",
            "short_term_effects": "<p>头晕、麻木、与身体和现实分离的感觉，动作失调。</p>",
            "long_term_effects": "<p>严重损害膀胱（尿频尿痛、血尿，甚至需要手术）、损伤记忆力和认知能力，可形成依赖。</p>",
            "risks": "<p>意识模糊时容易意外受伤、受到侵害；与酒精同用可致呼吸抑制。</p>",
        },
        {
            "title": "Ketamine",
            "street_names": "K, special K, ket",
            "summary": "An anaesthetic that, misused, makes users feel detached from reality; common in nightlife venues.",
            "appearance": "<p>A white crystalline powder, sometimes mixed into drinks or pressed into tablets.</p>",
            "how_used": "<p>Snorted, swallowed in drinks or injected.</p>",
            "short_term_effects": "<p>Dizziness, numbness, feeling cut off from body and surroundings, poor coordination.</p>",
            "long_term_effects": "<p>Serious bladder damage (pain, blood in urine, sometimes surgery), memory and thinking problems, dependence.</p>",
            "risks": "<p>Accidents and assaults while confused; with alcohol it can depress breathing.</p>",
        },
    ),
    drug(
        "nitrous-oxide",
        "inhalant",
        {
            "title": "笑气",
            "street_names": "一氧化二氮、“吸气球”、“奶油气弹”",
            "summary": "一种无色有甜味的气体，医疗上用于麻醉、食品上用于打发奶油，被一些年轻人吸入取乐。",
            "appearance": "<p>装在银色小钢瓶（奶油气弹）或大钢瓶里，吸食时打进气球。</p>",
            "how_used": "<p>从气球中吸入。</p>",
            "short_term_effects": "<p>几十秒的眩晕和发笑，随后头痛、恶心。</p>",
            "long_term_effects": "<p>破坏维生素B12，导致脊髓和周围神经损伤：手脚麻木、走路不稳，严重者瘫痪；还可引起精神症状。</p>",
            "risks": "<p>缺氧可致窒息死亡；直接从钢瓶吸入会冻伤嘴唇和气道。</p>",
            "legal_status": "<p>笑气目前未列入我国毒品目录，但属于危险化学品，受《危险化学品安全管理条例》管理。向他人特别是未成年人出售供吸食，可能受到行政处罚甚至刑事追究；一些地方已出台专门管控规定。未列管不等于安全。</p>",
            "emergency": "<p>吸入后晕倒、呼吸困难或意识不清时，立即把人移到空气流通处并拨打<b>120</b>。出现手脚麻木、无力，应尽快到医院神经科就诊，告诉医生吸过笑气。</p>",
        },
        {
            "title": "Nitrous oxide",
            "street_names": "laughing gas, NOS, balloons, whippets",
            "summary": "A colourless, sweet-smelling gas used in anaesthesia and to whip cream, inhaled by some young people for fun.",
            "appearance": "<p>Small silver canisters (cream chargers) or large cylinders; the gas is put into balloons.</p>",
            "how_used": "<p>Inhaled from a balloon.</p>",
            "short_term_effects": "<p>Seconds of dizziness and giggling, then headache and nausea.</p>",
            "long_term_effects": "<p>It destroys vitamin B12 and damages the spinal cord and nerves: numb hands and feet, unsteady walking, even paralysis; also psychiatric symptoms.</p>",
            "risks": "<p>Lack of oxygen can suffocate; breathing straight from a canister freezes lips and airways.</p>",
            "legal_status": "<p>Not on China's drug lists, but a hazardous chemical under the regulations on hazardous chemicals. Selling it for inhalation, especially to minors, can bring administrative or criminal penalties, and some local rules restrict it further. Not controlled does not mean safe.</p>",
            "emergency": "<p>If someone faints, struggles to breathe or is confused, get them to fresh air and call <b>120</b>. Numb or weak hands and feet need a neurologist soon: say that nitrous oxide was used.</p>",
        },
    ),
    drug(
        "lsd",
        "hallucinogen",
        {
            "title": "LSD",
            "street_names": "麦角酰二乙胺、“邮票”、“贴纸”、“蓝精灵”",
            "summary": "极强的致幻剂，微克级剂量就能引起持续数小时的幻觉。",
            "appearance": "<p>印有卡通图案的小方纸片（像邮票或贴纸），也有液体滴剂或小药片。</p>",
            "how_used": "<p>把纸片放在舌下或吞服。</p>",
            "short_term_effects": "<p>视觉和听觉幻觉、时间和空间感扭曲，情绪剧烈波动，可出现极度恐慌（“坏旅行”）。</p>",
            "long_term_effects": "<p>停用后仍可反复出现幻觉闪回，诱发或加重精神疾病。</p>",
            "risks": "<p>幻觉中判断力丧失，发生坠楼、交通事故等意外。</p>",
        },
        {
            "title": "LSD",
            "street_names": "acid, tabs, “stamps”",
            "summary": "An extremely strong hallucinogen: micrograms cause hours of hallucinations.",
            "appearance": "<p>Small squares of paper printed with cartoons, like stamps or stickers; also drops or tiny tablets.</p>",
            "how_used": "<p>Paper held under the tongue or swallowed.</p>",
            "short_term_effects": "<p>Visual and sound hallucinations, distorted time and space, violent mood swings, terror (“bad trips”).</p>",
            "long_term_effects": "<p>Flashbacks long after, and triggered or worsened mental illness.</p>",
            "risks": "<p>Without judgement people fall from heights or have accidents.</p>",
        },
    ),
    drug(
        "psilocybin",
        "hallucinogen",
        {
            "title": "裸盖菇素",
            "street_names": "“神奇蘑菇”、“魔菇”",
            "summary": "某些蘑菇中所含的致幻成分。",
            "appearance": "<p>干燥的小蘑菇，或做成巧克力、软糖、胶囊。</p>",
            "how_used": "<p>直接食用或泡水饮用。</p>",
            "short_term_effects": "<p>幻觉、感知扭曲、恶心，恐慌和焦虑。</p>",
            "long_term_effects": "<p>可诱发精神病症状和闪回。</p>",
            "risks": "<p>容易与有毒蘑菇混淆而中毒；幻觉中发生意外。</p>",
        },
        {
            "title": "Psilocybin",
            "street_names": "magic mushrooms, shrooms",
            "summary": "The hallucinogen in some mushrooms.",
            "appearance": "<p>Small dried mushrooms, or made into chocolate, gummies or capsules.</p>",
            "how_used": "<p>Eaten or brewed as tea.</p>",
            "short_term_effects": "<p>Hallucinations, distorted perception, nausea, panic and anxiety.</p>",
            "long_term_effects": "<p>Can trigger psychosis and flashbacks.</p>",
            "risks": "<p>Easily mistaken for poisonous mushrooms; accidents during hallucinations.</p>",
        },
    ),
    drug(
        "mescaline",
        "hallucinogen",
        {
            "title": "麦司卡林",
            "street_names": "仙人掌毒碱、佩奥特",
            "summary": "从某些仙人掌中提取或人工合成的致幻剂。",
            "appearance": "<p>干燥的仙人掌片（“纽扣”）、白色粉末或胶囊。</p>",
            "how_used": "<p>咀嚼、泡水饮用或口服。</p>",
            "short_term_effects": "<p>剧烈呕吐后出现持续十多小时的幻觉。</p>",
            "long_term_effects": "<p>精神症状和闪回。</p>",
            "risks": "<p>幻觉中的危险行为；心率和血压升高。</p>",
        },
        {
            "title": "Mescaline",
            "street_names": "peyote, buttons",
            "summary": "A hallucinogen from certain cacti, or made synthetically.",
            "appearance": "<p>Dried slices of cactus (“buttons”), white powder or capsules.</p>",
            "how_used": "<p>Chewed, brewed or swallowed.</p>",
            "short_term_effects": "<p>Heavy vomiting, then hallucinations lasting over ten hours.</p>",
            "long_term_effects": "<p>Psychiatric symptoms and flashbacks.</p>",
            "risks": "<p>Dangerous behaviour while hallucinating; raised heart rate and blood pressure.</p>",
        },
    ),
    drug(
        "ghb",
        "sedative",
        {
            "title": "γ-羟基丁酸",
            "street_names": "GHB、“G水”、“听话水”、“失身水”",
            "summary": "中枢神经抑制剂，无色无味，常被不法分子投放到饮料中实施侵害。",
            "appearance": "<p>无色无味或略带咸味的液体，也有白色粉末，装在小瓶或眼药水瓶里。</p>",
            "how_used": "<p>混入饮料口服。</p>",
            "short_term_effects": "<p>类似醉酒：放松、头晕、失去判断，随后昏睡、失忆。</p>",
            "long_term_effects": "<p>依赖，停用时出现严重的戒断反应。</p>",
            "risks": "<p>与酒精同用极易昏迷和呼吸停止。聚会时不要离开自己的饮料，不喝陌生人递来的饮料。</p>",
        },
        {
            "title": "GHB",
            "street_names": "G, liquid ecstasy, “date-rape drug”",
            "summary": "A depressant with no colour or smell, used by offenders to spike drinks.",
            "appearance": "<p>A clear liquid, odourless or slightly salty, or a white powder, in small bottles or eye-drop bottles.</p>",
            "how_used": "<p>Swallowed, mixed into drinks.</p>",
            "short_term_effects": "<p>Like being drunk: relaxation, dizziness, lost judgement, then deep sleep and memory loss.</p>",
            "long_term_effects": "<p>Dependence with severe withdrawal.</p>",
            "risks": "<p>With alcohol it easily causes coma and stops breathing. Never leave your drink, never take one from a stranger.</p>",
        },
    ),
    drug(
        "triazolam",
        "sedative",
        {
            "title": "三唑仑",
            "street_names": "海乐神、“蓝精灵”、“迷药”",
            "summary": "强效催眠镇静药，起效快，被不法分子用作“迷药”。",
            "appearance": "<p>浅蓝色或白色小药片，溶于饮料后难以察觉。</p>",
            "how_used": "<p>口服或被混入饮料。</p>",
            "short_term_effects": "<p>迅速入睡、肌肉无力、醒后记不起发生的事。</p>",
            "long_term_effects": "<p>耐受和依赖，停药后失眠、焦虑加重。</p>",
            "risks": "<p>与酒精同用可抑制呼吸；被人投放后可能遭受侵害。</p>",
            "legal_status": "<p>三唑仑为国家管制的精神药品，只能在医疗机构按规定使用。非法买卖、非法提供给他人使用，或用其实施侵害，依法严惩。</p>",
        },
        {
            "title": "Triazolam",
            "street_names": "Halcion, “blue pills”, knockout drops",
            "summary": "A strong, fast-acting sleeping pill that offenders use to drug people.",
            "appearance": "<p>Small pale-blue or white tablets, hard to notice once dissolved in a drink.</p>",
            "how_used": "<p>Swallowed, or slipped into drinks.</p>",
            "short_term_effects": "<p>Quick sleep, weak muscles, no memory of what happened.</p>",
            "long_term_effects": "<p>Tolerance and dependence; insomnia and anxiety worse on stopping.</p>",
            "risks": "<p>With alcohol it can depress breathing; people drugged with it may be assaulted.</p>",
            "legal_status": "<p>A controlled psychotropic for licensed clinical use only. Selling or supplying it, or using it to harm someone, is severely punished.</p>",
        },
    ),
    drug(
        "methadone",
        "opioid",
        {
            "title": "美沙酮",
            "street_names": "美沙酮口服液",
            "summary": "人工合成的阿片类药物，在美沙酮维持治疗门诊用于帮助海洛因依赖者戒断；门诊之外使用即是滥用。",
            "appearance": "<p>治疗用为口服液，在门诊由医护人员当面给药。</p>",
            "how_used": "<p>在门诊按医嘱每天口服。</p>",
            "short_term_effects": "<p>按剂量服用时缓解渴求和戒断症状；过量则嗜睡、呼吸抑制。</p>",
            "long_term_effects": "<p>长期维持治疗在医生指导下安全；非法使用形成新的依赖。</p>",
            "risks": "<p>作用持续时间长，过量往往在数小时后才危及生命。</p>",
            "legal_status": "<p>美沙酮属于麻醉药品，只在有资质的维持治疗机构使用。把门诊的美沙酮带出、转卖属违法犯罪。想参加维持治疗，可咨询禁毒社工或当地疾控中心。</p>",
            "emergency": OPIOID_EMERGENCY_ZH,
        },
        {
            "title": "Methadone",
            "street_names": "done, meth (not methamphetamine)",
            "summary": "A synthetic opioid used in methadone clinics to help people dependent on heroin; use outside the clinic is misuse.",
            "appearance": "<p>For treatment an oral liquid, given face to face by clinic staff.</p>",
            "how_used": "<p>Swallowed daily at the clinic as prescribed.</p>",
            "short_term_effects": "<p>At the prescribed dose it eases craving and withdrawal; too much causes drowsiness and depressed breathing.</p>",
            "long_term_effects": "<p>Long maintenance under a doctor is safe; illegal use builds a new dependence.</p>",
            "risks": "<p>It acts for a long time: an overdose may become dangerous hours later.</p>",
            "legal_status": "<p>A narcotic used only by licensed maintenance clinics. Taking clinic methadone away or selling it is a crime. To join maintenance treatment ask an anti-drug social worker or the local CDC.</p>",
            "emergency": OPIOID_EMERGENCY_EN,
        },
    ),
]
