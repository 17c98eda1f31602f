/**
 * Questions in languages Kizuna does not answer in, written for Kizuna's language-detection tests.
 * Each should be recognised as unsupported (not read as English with unknown words), so the asker is
 * told which languages Kizuna answers in.
 */
export const FOREIGN_QUESTIONS: readonly { readonly text: string; readonly language: string }[] = [
  { text: 'Que signifie Reiwa ?', language: 'French' },
  { text: "Combien d'emplois américains les entreprises japonaises soutiennent-elles ?", language: 'French' },
  { text: 'Qui a rencontré les familles des personnes enlevées ?', language: 'French' },
  { text: "Qu'est-ce que Trump a dit sur le Japon ?", language: 'French' },
  { text: '¿Qué significa Reiwa?', language: 'Spanish' },
  { text: '¿Cuántos empleos estadounidenses apoyan las empresas japonesas?', language: 'Spanish' },
  { text: '¿Quién se reunió con las familias de los secuestrados?', language: 'Spanish' },
  { text: 'Was bedeutet Reiwa?', language: 'German' },
  { text: 'Wie viele amerikanische Arbeitsplätze unterstützen japanische Firmen?', language: 'German' },
  { text: 'Wer hat sich mit den Familien der Entführten getroffen?', language: 'German' },
  { text: 'O que significa Reiwa?', language: 'Portuguese' },
  { text: 'Quantos empregos americanos as empresas japonesas apoiam?', language: 'Portuguese' },
  { text: 'Cosa significa Reiwa?', language: 'Italian' },
  { text: 'Quanti posti di lavoro americani sostengono le aziende giapponesi?', language: 'Italian' },
  { text: 'Wat betekent Reiwa?', language: 'Dutch' },
  { text: 'Что означает Рэйва?', language: 'Russian' },
  { text: 'Сколько американских рабочих мест поддерживают японские компании?', language: 'Russian' },
  { text: '令和是什么意思？', language: 'Chinese' },
  { text: '日本公司支持多少美国就业岗位？', language: 'Chinese' },
  { text: '谁会见了被绑架者的家属？', language: 'Chinese' },
  { text: '레이와는 무슨 뜻인가요?', language: 'Korean' },
  { text: '일본 기업은 미국 일자리를 몇 개나 지원하나요?', language: 'Korean' },
  { text: 'ريوا ماذا تعني؟', language: 'Arabic' },
  { text: 'Reiwa का क्या मतलब है?', language: 'Hindi' },
  { text: 'เรวะ แปลว่าอะไร', language: 'Thai' },
  { text: 'Reiwa ne demek?', language: 'Turkish' },
  { text: 'Co znaczy Reiwa?', language: 'Polish' },
  { text: 'Reiwa nghĩa là gì?', language: 'Vietnamese' },
];
