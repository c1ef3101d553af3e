/**
 * Messages of statement reading the code has never seen (issue 30): workbook sheets, saved
 * profiles, `import --type` and `--date-format`, the QIF date order.
 */
import { messages } from '../i18n.js';

export const tInfer = messages({
  qifOrderUnclear: {
    en: 'the dates read day-first and month-first alike ("{example}" is {dayFirst} or {monthFirst}) and no date in the file settles which',
    zh: '日期既可按“日/月”也可按“月/日”读取（“{example}”是 {dayFirst} 还是 {monthFirst}），文件中没有任何日期能确定顺序',
  },
  qifOrderHint: {
    en: 'import again with --date-format DD/MM/YY (day first) or --date-format MM/DD/YY (month first)',
    zh: '请加上 --date-format DD/MM/YY（日在前）或 --date-format MM/DD/YY（月在前）重新导入',
  },
  sheetUnknown: {
    en: 'the workbook has no sheet "{sheet}"; its sheets: {sheets}',
    zh: '工作簿中没有名为“{sheet}”的工作表；现有工作表：{sheets}',
  },
  sheetHint: {
    en: 'set sheet: in the profile to one of these names, or to a number counted from 1',
    zh: '请把配置中的 sheet: 改为上面的某个名称，或从 1 开始的序号',
  },
  sheetBad: {
    en: 'sheet must be a sheet name or a sheet number counted from 1',
    zh: 'sheet 必须是工作表名称或从 1 开始的工作表序号',
  },
  profileUnknown: {
    en: 'no profile named "{name}"',
    zh: '没有名为“{name}”的配置',
  },
  profileUnknownHint: {
    en: 'saved profiles: {saved}; built-in profiles: {builtin}; or give the path of a YAML/JSON file',
    zh: '已保存的配置：{saved}；内置配置：{builtin}；也可以给出 YAML/JSON 文件的路径',
  },
  /** An empty list (no saved profiles, a workbook without sheets). */
  noneSaved: { en: 'none', zh: '无' },
  profileSaved: {
    en: 'profile saved as {file}; import with: pocketbook import FILE --profile {name}',
    zh: '配置已保存到 {file}；导入时使用：pocketbook import 文件 --profile {name}',
  },
  profileExists: {
    en: 'a saved profile named "{name}" already exists ({file})',
    zh: '已存在名为“{name}”的配置（{file}）',
  },
  profileExistsHint: {
    en: 'choose another name with --save NAME, or delete that file first',
    zh: '请用 --save 名称 另取一个名字，或先删除该文件',
  },
  typeUnknown: {
    en: 'unknown --type "{type}"',
    zh: '未知的 --type “{type}”',
  },
  typeHint: {
    en: 'known types: {types}',
    zh: '可用的类型：{types}',
  },
  dateFormatBad: {
    en: '--date-format "{format}" is not a date format with a day and a month',
    zh: '--date-format “{format}”不是包含日和月的日期格式',
  },
  dateFormatHint: {
    en: 'e.g. DD/MM/YY, MM/DD/YYYY, DD.MM.YYYY, YYYY-MM-DD',
    zh: '例如 DD/MM/YY、MM/DD/YYYY、DD.MM.YYYY、YYYY-MM-DD',
  },
  optType: {
    en: 'read the files as this type when detection cannot tell: {types}',
    zh: '无法自动识别时，按此类型读取文件：{types}',
  },
  optDateFormat: {
    en: 'the order of the dates when the file cannot settle it (QIF and CSV), e.g. DD/MM/YY or MM/DD/YYYY',
    zh: '文件本身无法确定日期顺序时使用的格式（QIF 和 CSV），例如 DD/MM/YY 或 MM/DD/YYYY',
  },
  optProfile: {
    en: 'profile to read the file with: a saved profile (`profile create --save`), a built-in name, or a YAML/JSON file',
    zh: '读取文件所用的格式模板：已保存的模板（`profile create --save`）、内置名称或 YAML/JSON 文件',
  },
  optSave: {
    en: 'also save the profile in the profiles folder (as NAME, else named after the file), for import --profile NAME',
    zh: '同时把配置保存到配置文件夹（名为 NAME，否则按文件名命名），之后可用 import --profile NAME',
  },
  optSheet: {
    en: 'the sheet of a workbook to read: its name or its number counted from 1 (default: the first sheet with data)',
    zh: '要读取的工作表：名称或从 1 开始的序号（默认：第一个有数据的工作表）',
  },
  createFromHelp: {
    en: 'Workbooks (.xls, .xlsx) are read like CSV: the first sheet with data, or --sheet; the profile names the sheet when it is not the first.',
    zh: '工作簿（.xls、.xlsx）按 CSV 方式读取：第一个有数据的工作表，或 --sheet 指定的工作表；不是第一个工作表时，配置中会写明 sheet。',
  },
  savedHeading: { en: 'Saved', zh: '已保存' },
  profileNameBad: {
    en: 'cannot save a profile named "{name}": a name is letters, digits, ".", "_" and "-"',
    zh: '无法以“{name}”为名保存配置：名称只能包含字母、数字、“.”、“_”和“-”',
  },
});
