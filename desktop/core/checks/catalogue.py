"""Every rule of RULES.md with its id, default severity and a short title.

A finding may carry a different severity where the rule says so (T2-02, S-05).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.checks.drafts import DRAFT_RULE
from desktop.core.checks.findings import Severity
from desktop.core.checks.house_rules import PUNCTUATION_RULE
from desktop.core.checks.rejected import RULE as REJECTED_INPUT_RULE
from desktop.core.tablespec import column_label

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: Severity
    title: str
    implemented: bool = True


RULES: dict[str, RuleInfo] = {
    r.id: r
    for r in (
        RuleInfo("T3-01", E, "新收加结转等于办理总计加结转下年"),
        RuleInfo("T3-02", E, "办理结果总计等于各项之和"),
        RuleInfo("T3-03", E, "总计列等于各类申请人之和"),
        RuleInfo("T3-04", E, "表三不得有空白单元格"),
        RuleInfo("T3-05", E, "上年结转等于上年报告的结转下年度"),
        RuleInfo("T3-06", E, "结转下年度不超过新收加上年结转"),
        RuleInfo("T3-07", W, "与上年相比变化异常"),
        RuleInfo("T3-08", W, "有逾期未缴费的申请，第六部分却未说明收费通知"),
        RuleInfo("T4-01", E, "复议、诉讼各组总计等于各项之和"),
        RuleInfo("T4-02", E, "表四不得有空白单元格"),
        RuleInfo("T4-03", W, "有复议后起诉，却无行政复议"),
        RuleInfo("T4-04", W, "上年尚未审结的案件本年应有结果或仍为尚未审结"),
        RuleInfo("T2-01", E, "表二数值必须填写且不小于0"),
        RuleInfo("T2-02", E, "无规章制定权的机关规章数应为0"),
        RuleInfo("T2-03", W, "现行有效件数与上年衔接"),
        RuleInfo("T2-04", W, f"未废止时{column_label('t2', 'in_force')}不少于{column_label('t2', 'issued')}"),
        RuleInfo("T2-05", W, "收费金额疑似以元填作万元"),
        RuleInfo("T2-06", E, "使用了2019年试行格式的表头"),
        RuleInfo("T2-07", INFO, "行政事业性收费不是信息处理费", implemented=False),
        RuleInfo("N-01", W, "文中合计等于所列各项之和"),
        RuleInfo("N-02", E, "文中申请数量与表三一致"),
        RuleInfo("N-03", E, "文中办理结果数量与表三一致"),
        RuleInfo("N-04", W, "文中百分比与表三一致"),
        RuleInfo("N-05", E, "文中复议诉讼数量与表四一致"),
        RuleInfo("N-06", W, "文中规章、规范性文件数量与表二一致"),
        RuleInfo("N-07", E, "年度前后一致"),
        RuleInfo("N-08", W, "机关名称前后一致"),
        RuleInfo("S-01", E, "六个部分齐全、顺序和表格符合格式"),
        RuleInfo("S-02", W, "总体情况涵盖五个方面"),
        RuleInfo("S-03", E, "第五部分须写明问题和改进措施"),
        RuleInfo("S-04", W, "与上年报告重复过多"),
        RuleInfo("S-05", W, "第六部分须说明信息处理费情况"),
        RuleInfo("S-06", W, "人民政府须报告政务公开工作要点落实情况"),
        RuleInfo("S-07", W, "公开期限"),
        RuleInfo("S-09", W, "引用了已废止的2019年格式文件"),
    )
}

# The product's own rules, beyond RULES.md.
HOUSE_RULES: dict[str, RuleInfo] = {
    r.id: r
    for r in (
        RuleInfo(REJECTED_INPUT_RULE, E, "输入的值未被接受"),
        RuleInfo(PUNCTUATION_RULE, W, "中文标点规范"),
        RuleInfo(DRAFT_RULE, E, "沿用的上年文字尚未修改"),
    )
}

