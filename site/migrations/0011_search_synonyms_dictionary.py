"""The starting dictionary of words readers use for the same thing: formal names, street
names and names in the other language. Editors extend it in the admin (Search synonyms)."""

from django.db import migrations

DICTIONARY = [
    ("冰毒, 甲基苯丙胺, 溜冰, meth, methamphetamine, ice, crystal meth", "冰毒"),
    ("海洛因, 白粉, 四号, heroin, smack", "海洛因"),
    ("摇头丸, MDMA, 迷魂药, E仔, ecstasy, molly", "摇头丸"),
    ("大麻, 飞叶子, 大麻烟, cannabis, marijuana, weed", "大麻"),
    ("氯胺酮, K粉, K仔, 打K, ketamine", "K粉"),
    ("笑气, 一氧化二氮, 吸气球, 奶油气弹, nitrous oxide, laughing gas, whippets", "笑气"),
    ("依托咪酯, 太空油, 上头电子烟, etomidate, space oil", "依托咪酯"),
    ("合成大麻素, 小树枝, 娜塔莎, spice, K2, synthetic cannabinoids", "合成大麻素"),
    ("可卡因, 古柯碱, 快克, cocaine, coke, crack", "可卡因"),
    ("LSD, 麦角酰二乙胺, 邮票, 贴纸, acid", "LSD"),
    ("芬太尼, fentanyl", "芬太尼"),
    ("新精神活性物质, 第三代毒品, 策划药, NPS, new psychoactive substances, designer drugs", "NPS"),
    ("伪装型毒品, 伪装毒品, 奶茶, 跳跳糖, 咖啡包, disguised drugs, milk tea, snacks, popping candy", "伪装"),
    ("γ-羟基丁酸, GHB, G水, 听话水, 失身水, liquid ecstasy", "GHB"),
    ("三唑仑, 迷药, 蓝精灵, triazolam, knockout drops", "三唑仑"),
    ("麻古, 马古, yaba", "麻古"),
    ("美沙酮, methadone", "美沙酮"),
    ("恰特草, 阿拉伯茶, khat, qat", "恰特草"),
    ("毒品, 药物滥用, drug, drugs", "毒品"),
    ("吸毒, 使用毒品, 吸食毒品, drug use, using drugs", "吸毒"),
    ("戒毒, 戒断, 戒毒康复, 康复, rehab, recovery, treatment, quit", "戒毒"),
    ("禁毒社工, 社工, social worker, social workers", "社工"),
    ("工作站, 社工站, 禁毒社工站, work station, station", "工作站"),
    ("热线, 求助热线, 求助电话, hotline, helpline", "热线"),
    ("孩子, 子女, 青少年, 未成年人, child, children, kids, teenager, teenagers", "孩子"),
    ("家长, 父母, parent, parents", "家长"),
    ("老师, 教师, 班主任, teacher, teachers", "老师"),
    ("学生, 中学生, 小学生, student, students, pupils", "学生"),
    ("举报, 报警, report, reporting", "举报"),
    ("帮助, 求助, 帮忙, help, support", "帮助"),
    ("禁毒法, 法律, 法规, law, anti-drug law", "法律"),
    ("国际禁毒日, 6·26, 六二六, june 26, international day against drug abuse", "6·26"),
    ("迹象, 症状, 表现, 信号, signs, symptoms", "迹象"),
    ("谈, 沟通, 交流, 开口, talk, conversation", "沟通"),
    ("教案, 课件, 主题班会, lesson plan, lesson plans, lesson", "教案"),
    ("海报, 宣传画, poster, posters", "海报"),
    ("讲座, 宣讲, lecture", "讲座"),
    ("电子烟, vape, vapes, e-cigarette", "电子烟"),
    ("危害, 伤害, harm, damage", "危害"),
]


def add(apps, schema_editor):
    SearchSynonym = apps.get_model("jindu", "SearchSynonym")
    for terms, note in DICTIONARY:
        if not SearchSynonym.objects.filter(terms=terms).exists():
            SearchSynonym.objects.create(terms=terms, note=note)


def remove(apps, schema_editor):
    SearchSynonym = apps.get_model("jindu", "SearchSynonym")
    SearchSynonym.objects.filter(terms__in=[terms for terms, _note in DICTIONARY]).delete()


class Migration(migrations.Migration):
    dependencies = [("jindu", "0010_search_synonyms")]
    operations = [migrations.RunPython(add, remove)]
