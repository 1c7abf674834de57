/**
 * Every sentence the user reads, in one place, keyed. `{name}` is replaced by
 * the parameter of that name. An English catalogue can sit beside this one.
 */
const zhCN = {
  // errors: general
  'error.prefix': '错误：',
  'error.bug': '内部错误（这是程序缺陷，请附 --debug 的输出报告）：{detail}',
  'error.debugHint': '（加 --debug 查看详情）',
  cancelled: '已取消，未写入任何内容。',
  'fields.invalid': '字段有误，未写入任何内容：{list}',
  'fields.item': '{field}（{problem}）',

  // field problems
  'field.missing': '缺少',
  'field.notAllowed': '「{value}」不在允许的取值中：{allowed}',
  'field.notEditable': '不能修改此字段，可修改：{fields}',
  'field.unknown': '未知的字段',
  'field.notText': '应为文字',
  'kind.unknown': '未知的类型「{value}」，应为 提案答复、建议答复 或 会办意见',
  'proposer.empty': '提案人为空',
  'proposer.several': '「{value}」含多个名字，请分开填写',
  'proposer.badRole': '身份「{value}」应为 委员、代表 或 集体',
  'proposalNo.bad': '提案号「{value}」应为数字（可带前导零）',
  'date.unreadable': '无法识别的日期「{value}」，应写作 2023-05-18 或 2023年5月18日',
  'date.noSuchDay': '日期「{value}」不存在',
  'date.issuedBeforeSigned': '印发日期早于成文日期',
  'contact.badPostcode': '邮政编码「{value}」应为六位数字',
  'contact.badPhone': '联系电话「{value}」格式不对',
  'docNumber.badPrefix': '发文机关代字「{value}」无效',
  'docNumber.badYear': '年份「{value}」无效',
  'docNumber.badSeq': '序号「{value}」无效',
  'docNumber.noPrefix': '「{value}」缺少发文机关代字，且配置中没有 docPrefix',
  'docNumber.unreadable': '无法识别的发文字号「{value}」，应写作 普发改委〔2023〕16号 或 2023-16',

  // errors: records and archive
  'docNumber.taken': '发文字号 {docNumber} 已被第 {id} 号记录占用',
  'docNumber.usedBefore': '发文字号 {docNumber} 曾经使用过，文号不能重复使用',
  'reply.notFound': '找不到答复「{id}」',
  'reply.badId': '「{id}」既不是记录编号，也不是发文字号',
  'reply.changedMeanwhile': '第 {id} 号记录已被他人修改，请重新执行',
  'reply.voidFrozen': '第 {id} 号记录已作废，不能再修改',
  'reply.signedFrozen': '第 {id} 号记录{status}，修改会改变已签发的内容；确需修改请加 --force',
  'show.noSource': '第 {id} 号记录不是导入的，没有原文',
  'status.same': '第 {id} 号记录已是「{status}」状态',
  'status.notAllowed': '第 {id} 号记录不能从「{from}」改为「{to}」，可改为：{allowed}',
  'status.unknown': '未知的状态「{value}」，应为 signed、sent 或 void',
  'list.badStatus': '--status 的值「{value}」无效，可选：draft、signed、sent、void（或 草稿、已签发、已发送、已作废）',
  'list.badKind': '--kind 的值「{value}」无效，可选：提案答复、建议答复、会办意见',
  'db.tooNew': '档案库 {file} 的结构版本为 {version}，高于本程序支持的 {supported}，请升级 reply',
  'db.cannotOpen': '无法打开档案库 {file}',
  'db.notFound': '档案库 {file} 不存在',

  // errors: config, files, templates
  'config.notFound': '当前目录及上级目录中没有 reply.config.json，请先运行 reply init',
  'config.syntax': '配置文件 {file} 第 {line} 行格式错误（{reasonKey}）',
  'jsonc.InvalidSymbol': '无效的符号',
  'jsonc.InvalidNumberFormat': '数字格式无效',
  'jsonc.PropertyNameExpected': '缺少键名',
  'jsonc.ValueExpected': '缺少值',
  'jsonc.ColonExpected': '缺少冒号',
  'jsonc.CommaExpected': '缺少逗号',
  'jsonc.CloseBraceExpected': '缺少 }',
  'jsonc.CloseBracketExpected': '缺少 ]',
  'jsonc.EndOfFileExpected': '结尾处有多余内容',
  'jsonc.InvalidCommentToken': '注释无效',
  'jsonc.UnexpectedEndOfComment': '注释没有结束',
  'jsonc.UnexpectedEndOfString': '字符串没有结束',
  'jsonc.UnexpectedEndOfNumber': '数字没有结束',
  'jsonc.InvalidUnicode': 'Unicode 转义无效',
  'jsonc.InvalidEscapeCharacter': '转义字符无效',
  'jsonc.InvalidCharacter': '字符无效',
  'config.missingKey': '配置文件 {file} 缺少必填项 {key}',
  'config.badValue': '配置文件 {file} 中 {key} 的值无效',
  'config.unknownKey': '配置文件 {file} 中有未知的配置项 {key}',
  'config.exists': '{file} 已存在，未覆盖（加 --force 覆盖）',
  'file.unreadable': '无法读取文件 {file}',
  'file.notUtf8': '文件 {file} 不是 UTF-8 编码的文本',
  'file.exists': '文件 {file} 已存在，未覆盖（加 --force 覆盖）',
  'file.cannotWrite': '无法写入文件 {file}',
  'answers.badJson': '答案文件 {file} 不是有效的 JSON（{detail}）',
  'answers.notObject': '答案文件 {file} 应为一个 JSON 对象',
  'answers.unknownKeys': '答案文件 {file} 中有未知的键：{keys}',
  'answers.badValue': '答案文件 {file} 中 {key} 的值类型不对',
  'body.empty': '正文为空，未保存',
  'body.unchanged': '正文未作修改，未保存',
  'editor.failed': '编辑器 {editor} 异常退出，未保存',
  'edit.nothing': '请用 --set 字段=值、--body 文件 或在终端中打开编辑器',
  'edit.badSet': '--set 的写法应为 字段=值：「{value}」',
  'template.missing': '找不到 {format} 格式「{kind}」的模板',
  'template.failed': '模板 {file} 渲染失败：{detail}',
  'render.binaryToTerminal': '{format} 是二进制文件，不能输出到终端，请用 --out 指定文件或目录',
  'format.unknown': '不支持的格式「{value}」，可用：{formats}',
  'option.badYear': '年份「{value}」无效',
  'option.badValue': '{option} 的值「{value}」无效',
  'option.badChoice': '{option} 的值「{value}」无效，可选：{allowed}',

  // usage errors from the argument parser
  'usage.unknownOption': '未知选项 {detail}（reply --help 查看用法）',
  'usage.unknownCommand': '未知命令 {detail}（reply --help 查看用法）',
  'usage.missingArgument': '缺少参数 {detail}',
  'usage.optionMissingArgument': '选项缺少取值 {detail}',
  'usage.excessArguments': '参数过多',
  'usage.other': '用法错误：{detail}',

  // import
  'import.noTitle': '不是答复文件（找不到「对…第…号提案的答复」这样的标题）',
  'import.noDocNumber': '找不到发文字号',
  'import.noSalutation': '标题后没有主送（如 朱莺委员：）',
  'import.noDate': '找不到成文日期',
  'import.empty': '文件为空',
  'import.binary': '不是文本文件',
  'import.badDocx': '无法读取的 .docx 文件（已损坏或不是 Word 文档）',
  'import.unsupported': '不支持的文件类型（只导入 .txt、.md、.docx）',
  'import.unreadable': '无法读取文件',
  'import.already': '已导入过（第 {id} 号）',
  'import.conflict': '发文字号 {docNumber} 已被第 {id} 号记录占用，未覆盖',
  'import.usedBefore': '发文字号 {docNumber} 曾经使用过，未导入',
  'import.warn.proposalTitle': '未找到提案标题',
  'import.warn.proposers': '未找到提案人',
  'import.warn.result': '未找到办理结果',
  'import.warn.disclosure': '未找到公开属性',
  'import.warn.contact': '未找到联系人',
  'import.warn.footnotes': '有脚注标记找不到脚注内容',
  'import.filed': '已导入  第 {id} 号  {docNumber}  {file}',
  'import.wouldFile': '将导入  {docNumber}  {file}',
  'import.skipped': '跳过    {file}：{reason}',
  'import.conflictLine': '冲突    {file}：{reason}',
  'import.warnings': '（注意：{list}）',
  'import.summary': '共 {files} 个文件：导入 {filed}，跳过 {skipped}，冲突 {conflicts}',
  'import.summaryDry': '共 {files} 个文件：将导入 {filed}，跳过 {skipped}，冲突 {conflicts}（试运行，未写入）',
  'import.progress': '导入',

  // results
  'init.done': '已创建 {file}，请填写联系人等信息后使用。',
  'new.done': '已归档：第 {id} 号  {docNumber}  {title}（{status}）',
  'edit.done': '已更新第 {id} 号 {docNumber}（修订 {revision}）',
  'edit.noChange': '没有变化，未写入。',
  'status.done': '第 {id} 号 {docNumber}：{from} → {to}',
  'render.done': '已写入 {file}',
  'list.empty': '没有符合条件的答复。',

  // prompts
  'prompt.kind': '类型',
  'prompt.session': '会次（如 区政协十五届二次会议）',
  'prompt.proposalNo': '提案号（如 152104）',
  'prompt.title': '提案标题',
  'prompt.proposers': '提案人（多人用、分隔，如 朱莺委员、经济委员会）',
  'prompt.leadUnit': '主办单位（会办意见的主送，如 市发展改革委）',
  'prompt.result': '办理结果',
  'prompt.disclosure': '公开属性',
  'prompt.signedOn': '成文日期',
  'prompt.editBody': '按回车打开编辑器撰写正文',
  'prompt.organ': '发文机关全称（如 上海市普陀区发展和改革委员会）',
  'prompt.docPrefix': '发文机关代字（如 普发改委）',
  'prompt.required': '此项必填',

  // labels
  'status.draft': '草稿',
  'status.signed': '已签发',
  'status.sent': '已发送',
  'status.void': '已作废',
  'label.id': '编号',
  'label.docNumber': '发文字号',
  'label.signedOn': '成文日期',
  'label.issuedOn': '印发日期',
  'label.proposer': '提案人',
  'label.title': '提案标题',
  'label.replyTitle': '标题',
  'label.status': '状态',
  'label.result': '办理结果',
  'label.disclosure': '公开属性',
  'label.kind': '类型',
  'label.session': '会次',
  'label.proposalNo': '提案号',
  'label.salutation': '主送',
  'label.leadUnit': '主办单位',
  'label.organ': '发文机关',
  'label.header': '版头',
  'label.printingOrgan': '印发机关',
  'label.contact': '联系人',
  'label.cc': '抄送',
  'label.footnotes': '脚注',
  'label.createdAt': '创建时间',
  'label.updatedAt': '更新时间',
  'label.body': '正文',
  'label.none': '（无）',
  'history.revision': '修订',
  'history.at': '时间',
  'history.change': '变更',
  'history.created': '归档',
  'history.edited': '修改：{fields}',
  'history.status': '状态：{status}',

  // command descriptions
  'cmd.program': '提案答复的起草、归档、检索与公文排版',
  'cmd.init': '在当前目录创建 reply.config.json',
  'cmd.new': '新建一份答复并归档（分配下一个发文字号）',
  'cmd.list': '列出答复，最新的在前',
  'cmd.show': '查看一份答复的全部字段与正文',
  'cmd.edit': '修改一份答复（保留修订记录）',
  'cmd.status': '变更状态：signed（签发）、sent（发送）、void（作废）',
  'cmd.render': '按公文格式输出答复',
  'cmd.import': '导入已发布的答复（.txt、.md、.docx 文件或目录）',
  'opt.db': '档案库文件（默认 $REPLY_DB 或 <工作区>/data/replies.db）',
  'opt.noInput': '不提问；缺少的字段直接报错',
  'opt.debug': '出错时显示调用栈',
  'opt.json': '输出 JSON',
  'opt.csv': '输出 CSV',
  'opt.force': '强制执行',
  'opt.help': '显示帮助',
  'opt.version': '显示版本',
} as const;

export type MessageKey = keyof typeof zhCN;

const catalogue: Record<string, string> = zhCN;

export function hasMessage(key: string): key is MessageKey {
  return key in catalogue;
}

/**
 * The sentence for a key with its placeholders filled; an unknown key shows
 * itself. A parameter named `…Key` holds a key of its own and is translated too.
 */
export function t(key: MessageKey | (string & {}), params: Record<string, string | number> = {}): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return name.endsWith('Key') ? t(value) : value;
  });
}
