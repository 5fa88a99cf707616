/**
 * Keywords (and the most common built-in names) of the languages people write code in, by VS Code
 * language id: they join the document's identifiers in the decoder's lexicon, so `return` and
 * `const` are preferred over near-misses even in a file that does not use them yet.
 * Only identifier-like words of two or more characters (the lexicon drops anything else).
 */

const C_FAMILY = 'auto break case char const continue default do double else enum extern float for goto if int long register return short signed sizeof static struct switch typedef union unsigned void volatile while NULL bool true false size_t uint8_t uint32_t int32_t int64_t uint64_t main printf malloc free';
const JS = 'async await break case catch class const continue debugger default delete do else export extends false finally for from function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield console log length push map filter reduce forEach then Promise Array Object String Number Boolean Error JSON Math Map Set';
const TS_EXTRA = 'abstract any as asserts boolean declare enum implements infer interface is keyof namespace never number object private protected public readonly satisfies string symbol type unknown Record Partial Readonly';

const KEYWORDS: Readonly<Record<string, string>> = {
  javascript: JS,
  javascriptreact: JS,
  typescript: `${JS} ${TS_EXTRA}`,
  typescriptreact: `${JS} ${TS_EXTRA}`,
  python: 'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield self cls print len range str int float list dict set tuple bool isinstance enumerate zip open super __init__ __name__ __main__',
  json: 'true false null',
  jsonc: 'true false null',
  go: 'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var bool byte error float64 int int64 string uint nil true false append len make new panic fmt Println Printf Errorf err ctx',
  rust: 'as async await break const continue crate dyn else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while bool char f64 i32 i64 u8 u32 u64 usize isize str String Vec Option Some None Result Ok Err Box println macro_rules',
  java: 'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null String System out println List Map ArrayList HashMap Override',
  c: C_FAMILY,
  cpp: `${C_FAMILY} alignas alignof and catch class constexpr decltype delete explicit export friend inline mutable namespace new noexcept nullptr operator or private protected public template this throw try typename using virtual std string vector cout endl auto override`,
  csharp: 'abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using var virtual void volatile while async await get set value Console WriteLine List Task',
  shellscript: 'if then else elif fi case esac for while until do done in function return local export echo exit readonly set unset shift',
  ruby: 'alias and begin break case class def defined do else elsif end ensure false for if in module next nil not or redo rescue retry return self super then true undef unless until when while yield puts require attr_reader',
  php: 'abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty endif extends final finally fn for foreach function global if implements include instanceof interface isset namespace new null private protected public require return static switch this throw trait try unset use var while yield true false',
  sql: 'SELECT FROM WHERE INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE DROP ALTER JOIN LEFT RIGHT INNER OUTER ON GROUP BY ORDER HAVING LIMIT AS AND OR NOT NULL IS IN LIKE DISTINCT COUNT PRIMARY KEY select from where insert into values update set delete create table join on group by order limit and or not null',
  html: 'html head body div span class id href src style script link meta title input button form table img type name value',
  css: 'color background margin padding border display flex grid width height position absolute relative none auto solid important',
};

/** The keywords of a VS Code language id (`typescript`, `python`, …); none for a language not in the table. */
export function keywordsFor(languageId: string): readonly string[] {
  const words = KEYWORDS[languageId];
  return words ? words.split(' ') : [];
}
