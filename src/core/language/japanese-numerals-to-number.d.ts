// Types for japanese-numerals-to-number (MIT, Takuto Wada), which ships none.
declare module 'japanese-numerals-to-number' {
  /**
   * Converts Japanese numerals written in kanji ("三十", "四千二百四十億", "二〇一七") to a number.
   * @throws TypeError or Error when the string is not a well-formed Japanese numeral.
   */
  export default function ja2num(japaneseNumerals: string): number;
}
