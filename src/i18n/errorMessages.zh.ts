/**
 * Chinese for the engine's error sentences. Typed over the English table's keys, so a reason
 * added there fails the type check until it is translated here.
 */
import type { ErrorMessageKey } from './errorMessages.en';

export const ERROR_MESSAGES_ZH: { readonly [K in ErrorMessageKey]: string } = {
  'error.unknownName': '没有名为“{name}”的单元格、名称或常量。',
  'error.unknownFunction': '没有名为“{name}”的函数。',
  'error.unknownField': '{kind} 类型的值没有“.{field}”这一部分。',
  'error.outsideSheet': '引用 {ref} 超出了表格范围。',
  'error.deletedReference': '此公式引用的单元格已被删除。',
  'error.rangeTooLarge': '区域 {range} 太大（{count} 个单元格）。',
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
  'error.outOfHalfOpenRange': '{name} 的第 {position} 个参数必须不小于 {min} 且小于 {max}。',
  'error.lengthMismatch': '{name} 需要两个长度相同的序列，而不是 {left} 个和 {right} 个值。',
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
  'error.printedGradientMismatch': '书中印出的梯度 (0.2·x1, 2·x2) 只属于书中的目标函数 0.1·x1² + 2·x2²，不适用于 {objective}：请把梯度切换为“corrected”。',
  'error.noTheory': '这次运行的梯度不是 x1、x2 的线性函数，因此没有可追踪的特征方向。',
  'error.notAChoice': '此单元格只接受以下值之一：{choices}。“{got}”不在其中。',
};
