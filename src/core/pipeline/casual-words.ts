/**
 * Words of Discord chat that carry no topic: greetings, reactions, internet abbreviations and hedges
 * ("yo", "lol", "pls", "tbh", "ngl", "stuff"), and why people say they ask ("prof said it'd be on the
 * quiz", "need the gist before seminar"). A question wrapped in them is still a question, and none of
 * them is ever what a refusal names. Written for Kizuna from common chat usage; lower case, as tokenised.
 */
export const CASUAL_FILLERS: ReadonlySet<string> = new Set(
  `yo hey heya hi hello hiya sup lol lmao lmfao rofl haha hahaha hehe omg omfg wtf ngl tbh tbf imo imho idk
  idc btw fyi fwiw afaik iirc lmk pls plz please thx thanks thank ty tysm cheers ok okay k kk cool nice neat
  great awesome wow whoa hmm hm um umm uh uhh er erm ah oh ooh yeah yea yep yup nope nah bro dude guys folks
  man fam mate stuff things thing like actually really basically literally honestly seriously kinda sorta
  gonna wanna gotta lemme gimme u ur ya y'all yall w n r tl dr tldr unrelated random quick question q
  curious wondering wonder anyone anybody someone somebody real rn atm irl ig iirc smth sth abt bc cuz coz
  diff qs ques qn fr frfr lowkey highkey ok okay yep
  jus tho tho' though anyway anyways also deets deet pretty bruh bruv breh fine alright aight huh eh wdym wym idgi
  wait legit fake ballpark supposedly reportedly apparently allegedly even ja
  prof profs professor teacher teachers class classes lecture lectures seminar seminars quiz quizzes exam exams
  midterm midterms finals homework hw assignment assignments essay essays presentation presentations outline
  cram cramming studying tomorrow tonight asap gist boss podcast need smh ikr istg ffs jk ong icl welp meh oof ugh yikes pov vc squad cap
  obaachan obaasan baachan bachan ojiichan ojiisan jiichan okaasan kaasan okasan otousan tousan otosan oniichan
  oniisan oneechan oneesan imouto otouto obasan ojisan issei nisei sansei yonsei
  kindly pardon ignorance forgive excuse apologies specifically precisely particularly anywhere somewhere`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Whole messages that are conversation rather than a question ("thanks!", "hi", "test", "help"): they
 * get a friendly reply with an example, never a passage and never "the sheets don't mention …".
 * `clear`, `reset` and `stop` are what people type to a bot expecting a command.
 */
export const CHIT_CHAT_WORDS: ReadonlySet<string> = new Set(
  `thanks thank thx ty tysm cheers hi hello hey heya hiya yo sup howdy gm gn morning evening night bye
  goodbye cya later lol lmao haha hahaha rofl ok okay k kk cool nice neat great awesome wow test testing
  ping help clear reset stop start hmm um uh yes no yeah yep nope nah sure good bad bot kizuna you
  appreciated appreciate alot love wtf omg bruh ya gotcha understood noted makes sense perfect
  nvm nevermind figured www ww hallo hola bonjour ciao salut namaste konnichiwa konichiwa annyeong moin servus
  ola everyone everybody all yall preciate bud buddy pal obliged helped helpful useful informative ton tons
  oorah hooah hoorah hooyah semper fi yay woo woohoo hooray yeehaw brb gtg g2g afk ttyl
  ohayo ohayou konbanwa arigato arigatou domo doumo sumimasen minna oyasumi otsukare yoroshiku tadaima`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * The text without chat words ("pls what even is reiwa" → "what is reiwa"), for reading the shape of a
 * question: patterns anchored at its start ("what is…") should not fail on the greeting before it. Not for
 * searching: some chat words are the sheets' own ("great").
 */
export function withoutChatWords(text: string): string {
  return text
    .replace(/[\p{L}'’]+/gu, (word) => (CASUAL_FILLERS.has(word.toLowerCase()) ? '' : word))
    .replace(/\s+/g, ' ')
    .trim();
}
