/**
 * Chinese for the engine's error sentences (src/sheet/errorMessages.ts owns the keys and the
 * English). Typed over `ErrorReason`, so a reason the engine adds fails the type check until it
 * is translated here.
 */
import type { ErrorReason } from '../sheet/errorMessages';

export const ERROR_MESSAGES_ZH: { readonly [K in ErrorReason]: string } = {
  'error.unknownName': '没有名为“{name}”的单元格、名称或常量。',
  'error.unknownFunction': '没有名为“{name}”的函数。',
  'error.unknownField': '{kind} 类型的值没有“.{field}”这一部分。',
  'error.outsideSheet': '引用 {ref} 超出了表格范围。',
  'error.deletedReference': '此公式引用的单元格已被删除。',
  'error.rangeTooLarge': '区域 {range} 太大（{count} 个单元格，最多 {limit} 个）。',
  'error.rangesTooLarge': '此公式的各区域合计 {count} 个单元格，最多允许 {limit} 个。',
  'error.formulaTooLong': '公式有 {length} 个字符，最多允许 {limit} 个。',
  'error.formulaTooDeep': '公式嵌套了 {depth} 层，最多允许 {limit} 层。',
  'error.formulaTooLarge': '公式的组成部分超过 {limit} 个。',
  'error.arrayTooLarge': '数组将包含 {count} 项，最多允许 {limit} 项。',
  'error.textTooLong': '文本将有 {length} 个字符，最多允许 {limit} 个。',
  'error.objectiveTooLarge': '关于 x1、x2 的公式过大，无法处理（最多 {chars} 个字符、{nodes} 个组成部分、{depth} 层嵌套）。',
  'error.workLimit': '本次重新计算在 {limit} 步工作后停止，未能算到此单元格；请编辑此单元格或其输入后重试。',
  'error.tooManyNames': '一个表格最多可以有 {limit} 个名称。',
  'error.cycle': '此单元格通过一串公式依赖于它自己（循环引用）。',
  'error.divideByZero': '除数为零。',
  'error.emptyAverage': '没有可以求平均的数字。',
  'error.expectedNumber': '{name} 的第 {position} 个参数必须是数字，而不是 {got}。',
  'error.expectedInteger': '{name} 的第 {position} 个参数必须是整数。',
  'error.expectedText': '{name} 的第 {position} 个参数必须是文本，而不是 {got}。',
  'error.expectedBoolean': '{name} 的第 {position} 个参数必须是 TRUE 或 FALSE，而不是 {got}。',
  'error.expectedObjective': '{name} 的第 {position} 个参数必须是关于 x1 和 x2 的公式，而不是 {got}。',
  'error.expectedGradient': '{name} 的第 {position} 个参数必须是梯度（例如 [0.2*x1, 4*x2]），而不是 {got}。',
  'error.expectedModel': '{name} 的第 {position} 个参数必须是目标函数或梯度，而不是 {got}。',
  'error.wrongArgCount': '{name} 需要 {expected} 个参数，而不是 {got} 个。',
  'error.badOption': '{name} 的第 {position} 个参数必须是 {options} 之一，而不是“{got}”。',
  'error.outOfRange': '{name} 的第 {position} 个参数必须介于 {min} 和 {max} 之间。',
  'error.notFinite': '结果不是有限的数。',
  'error.objectiveHere': '关于 x1 和 x2 的公式不能用于 {name}；只能用于算术运算和光滑函数。',
  'error.gradientShape': '梯度恰好有两个分量，每个分量是数字或关于 x1 和 x2 的公式。',
  'error.notDifferentiable': '无法对目标函数求导：{message}。',
  'error.notQuadratic': '这里需要二次目标函数（或线性梯度）：{detail}。',
  'error.unsupportedSyntax': '公式中不能包含 {syntax}。',
  'error.parse': '无法读取公式：{message}。',
  'error.diverged': '运行在第 {step} 步发散。',
  'error.notDiverged': '运行没有发散。',
  'error.noGradientCheck': '这次运行使用的是目标函数自身的梯度，因此没有需要检查的内容。',
  'error.runFailed': '计算失败：{message}。',
  'error.indexOutOfRange': '索引 {index} 不在 1…{size} 之内。',
  'error.mixedArray': '数组只能包含普通的值，不能包含 {got}。',
  'error.invalidName':
    '“{name}”不能用作名称：名称只能包含字母、数字和 _，必须以字母开头，并且不能是单元格地址、x1、x2 或函数名。',
  'error.nameTaken': '名称“{name}”已经属于 {cell}。',
  'error.invalidAddress': '“{address}”不是此表格中的单元格。',
};
