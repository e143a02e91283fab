"""Traditional characters (mirror sites) and the spaces that text extraction leaves next to hanzi.

Only characters that never occur in simplified text are mapped, so converting a simplified report is a
no-op. The table covers the statutory labels, the headings and the common words of these reports.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PAIRS = (
    "資资訊讯開开處处報报據据數数條条項项內内現现規规範范許许罰罚強强費费額额單单萬万業业動动況况請请"
    "關关係系為为爲为於于總总計计體体組组織织機机構构會会務务結结轉转辦办區区這这屬属國国穩稳護护權权"
    "類类過过執执詢询無无製制補补確确訪访舉举訴诉複复復复認认獲获繳缴納纳續续議议經经維维糾纠審审問问"
    "題题進进廢废發发決决與与點点號号貫贯徹彻實实檢检稱称頁页應应當当歸归義义員员導导責责際际證证圍围"
    "繞绕線线網网欄栏設设專专門门電电話话郵邮編编聯联繫系廣广傳传準准將将場场對对們们統统隊队個个從从"
    "來来時时間间長长後后麼么樣样縣县鄉乡鎮镇廳厅衛卫劃划財财稅税環环農农漁渔產产廠厂濟济醫医療疗藥药"
    "監监質质學学習习黨党團团紀纪幹干還还運运輸输達达選选識识營营銷销買买賣卖價价錢钱銀银貸贷險险歷历"
    "曆历雜杂難难齊齐齡龄滿满溝沟積积極极標标檔档錄录筆笔書书畫画圖图寫写讀读說说語语調调談谈讓让論论"
    "訂订討讨記记訓训練练級级紅红約约紹绍細细終终給给絕绝綜综綠绿緊紧繼继績绩購购賠赔變变響响頭头顧顾"
    "領领頒颁預预頻频願愿顯显風风飛飞養养館馆驗验黃黄龍龙東东車车軍军輕轻較较載载輔辅輯辑邊边遠远適适"
    "遷迁遺遗鄰邻釋释針针鐘钟錯错鍵键閉闭閱阅闡阐陳陈陸陆階阶隨随隱隐雙双雖虽離离雲云順顺須须億亿優优"
    "儀仪儘尽償偿備备債债傷伤僅仅側侧偉伟兩两兒儿冊册勞劳勢势勵励勝胜協协卻却參参嚴严園园圓圆塊块壓压"
    "壞坏聲声夠够婦妇寧宁寬宽尋寻屆届層层幣币師师帶带幫帮異异徵征態态戰战戶户採采換换損损擁拥擇择擊击"
    "擔担擴扩擬拟斷断暫暂歡欢歲岁殘残氣气沒没溫温測测漢汉災灾熱热爭争狀状獨独獎奖畢毕盡尽眾众禮礼種种"
    "競竞築筑簡简簽签節节籌筹糧粮紙纸紛纷絡络綱纲緩缓羅罗聖圣聞闻職职肅肃腦脑臨临興兴舊旧艱艰藝艺蘇苏"
    "術术衝冲裝装視视親亲覺觉覽览觀观註注評评詞词試试詳详該该誠诚誤误課课謝谢豐丰負负貧贫貨货貴贵賬账"
    "贊赞趨趋跡迹踐践軟软輪轮轄辖辭辞遞递違违鐵铁鑒鉴鑑鉴陽阳靜静裡里祕秘佈布週周嚮向廈厦鳳凤幾几誌志"
    "衆众爲为剛刚創创劇剧勻匀華华塢坞壽寿夢梦奧奥孫孙宮宫寶宝屢屡嶺岭彈弹彙汇惡恶愛爱慶庆憲宪懲惩"
    "擬拟據据攝摄敵敌斂敛晝昼標标權权樓楼構构歐欧殼壳滬沪漸渐潛潜澤泽濫滥灑洒煙烟熱热牽牵犧牺猶犹獻献"
    "瑪玛環环璽玺甌瓯畫画疊叠盜盗盞盏睏困矯矫礎础禍祸稅税穀谷窩窝竊窃筆笔範范糾纠紮扎純纯紡纺"
    "絲丝綁绑維维緒绪締缔緣缘縮缩繪绘繩绳罷罢聰聪脅胁脫脱膽胆臉脸與与艙舱莊庄葉叶蔣蒋藍蓝蘭兰虛虚"
    "蟲虫蠶蚕襲袭親亲訟讼訴诉診诊詐诈詢询誕诞誌志諮咨謀谋謂谓講讲譯译護护讚赞貓猫貼贴賀贺賓宾賦赋"
    "賴赖趕赶蹤踪軌轨輛辆辯辩遜逊邏逻醞酝鋼钢錦锦鎖锁鏈链閃闪閒闲閣阁闊阔隸隶雞鸡靈灵韓韩頂顶頓顿"
    "頗颇顏颜飯饭飽饱餘余馬马駐驻騰腾驟骤髮发鬥斗魚鱼鳥鸟麥麦齒齿龜龟臺台檯台堅坚碼码聽听見见銜衔壘垒"
)
TRADITIONAL_TO_SIMPLIFIED: dict[int, str] = {ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)}

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_FOLD_DROP = re.compile(r"[\s()（）\[\]【】〔〕、.．,，:：;；“”\"'‘’「」『』《》<>〈〉\-—–_·•|!！?？*#]+")
_LEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)")


def to_simplified(text: str) -> str:
    return text.translate(TRADITIONAL_TO_SIMPLIFIED)


def count_traditional(text: str) -> int:
    return sum(1 for ch in text if ord(ch) in TRADITIONAL_TO_SIMPLIFIED)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The comparable core of a label: half-width, simplified, no spaces, punctuation or quote marks.
    Cached: every cell is compared with every official label, and the labels are folded each time."""
    return _FOLD_DROP.sub("", to_simplified(unicodedata.normalize("NFKC", text)))


def strip_number(folded: str) -> str:
    """A folded label without its leading 「一、」「(三)」「2.」 numbering."""
    return _LEADING_NUMBER.sub("", folded)


_SPACE_AROUND_CJK = re.compile(
    rf"(?<=[{_CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])[ \t\u3000]+"
    rf"|[ \t\u3000]+(?=[{_CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])"
)


def squeeze_spaces(text: str) -> str:
    """Drop the spaces PDF extraction and line joins leave next to hanzi: 「2024 年」 → 「2024年」."""
    return _SPACE_AROUND_CJK.sub("", text).strip()
