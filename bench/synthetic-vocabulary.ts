/**
 * The invented world synthetic fact sheets are set in: other partners, other years, other places.
 * Names are real enough to read naturally; what matters is that each substitution makes a sentence distinct.
 */
import { MONTHS_IN_FULL } from '../src/core/text/month-names.js';

export interface Partner {
  /** As in "the United States and Germany". */
  readonly name: string;
  /** As in "German companies". */
  readonly adjective: string;
  readonly capital: string;
  /** As in "Chancellor Merkel": title, then given names, then surname. */
  readonly leaderTitle: string;
  readonly leaderGivenNames: string;
  readonly leaderSurname: string;
}

/**
 * Every partner but Japan: a synthetic sheet never restates a real sheet's fact about Japan, so each real question
 * keeps exactly the right answers it had, however large the knowledge base grows.
 */
export const PARTNERS: readonly Partner[] = [
  {
    name: 'Germany',
    adjective: 'German',
    capital: 'Berlin',
    leaderTitle: 'Chancellor',
    leaderGivenNames: 'Angela',
    leaderSurname: 'Merkel',
  },
  {
    name: 'France',
    adjective: 'French',
    capital: 'Paris',
    leaderTitle: 'President',
    leaderGivenNames: 'Emmanuel',
    leaderSurname: 'Macron',
  },
  {
    name: 'the United Kingdom',
    adjective: 'British',
    capital: 'London',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Theresa',
    leaderSurname: 'May',
  },
  {
    name: 'India',
    adjective: 'Indian',
    capital: 'New Delhi',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Narendra',
    leaderSurname: 'Modi',
  },
  {
    name: 'Australia',
    adjective: 'Australian',
    capital: 'Canberra',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Malcolm',
    leaderSurname: 'Turnbull',
  },
  {
    name: 'Canada',
    adjective: 'Canadian',
    capital: 'Ottawa',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Justin',
    leaderSurname: 'Trudeau',
  },
  {
    name: 'Italy',
    adjective: 'Italian',
    capital: 'Rome',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Giuseppe',
    leaderSurname: 'Conte',
  },
  {
    name: 'Vietnam',
    adjective: 'Vietnamese',
    capital: 'Hanoi',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Nguyen Xuan',
    leaderSurname: 'Phuc',
  },
  {
    name: 'the Philippines',
    adjective: 'Philippine',
    capital: 'Manila',
    leaderTitle: 'President',
    leaderGivenNames: 'Rodrigo',
    leaderSurname: 'Duterte',
  },
  {
    name: 'Poland',
    adjective: 'Polish',
    capital: 'Warsaw',
    leaderTitle: 'President',
    leaderGivenNames: 'Andrzej',
    leaderSurname: 'Duda',
  },
  {
    name: 'Brazil',
    adjective: 'Brazilian',
    capital: 'Brasília',
    leaderTitle: 'President',
    leaderGivenNames: 'Jair',
    leaderSurname: 'Bolsonaro',
  },
  {
    name: 'Mexico',
    adjective: 'Mexican',
    capital: 'Mexico City',
    leaderTitle: 'President',
    leaderGivenNames: 'Enrique',
    leaderSurname: 'Peña Nieto',
  },
  {
    name: 'Indonesia',
    adjective: 'Indonesian',
    capital: 'Jakarta',
    leaderTitle: 'President',
    leaderGivenNames: 'Joko',
    leaderSurname: 'Widodo',
  },
  {
    name: 'Norway',
    adjective: 'Norwegian',
    capital: 'Oslo',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Erna',
    leaderSurname: 'Solberg',
  },
  {
    name: 'Spain',
    adjective: 'Spanish',
    capital: 'Madrid',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Mariano',
    leaderSurname: 'Rajoy',
  },
  {
    name: 'Singapore',
    adjective: 'Singaporean',
    capital: 'Singapore',
    leaderTitle: 'Prime Minister',
    leaderGivenNames: 'Lee',
    leaderSurname: 'Hsien Loong',
  },
];

/** Who the real sheets' adversary (North Korea) becomes. */
export interface Adversary {
  readonly name: string;
  readonly adjective: string;
  readonly capital: string;
  /** Stands in for "the Korean Peninsula". */
  readonly region: string;
}

export const ADVERSARIES: readonly Adversary[] = [
  { name: 'Iran', adjective: 'Iranian', capital: 'Tehran', region: 'the Persian Gulf' },
  { name: 'Syria', adjective: 'Syrian', capital: 'Damascus', region: 'the Levant' },
  { name: 'Venezuela', adjective: 'Venezuelan', capital: 'Caracas', region: 'the Caribbean Basin' },
  { name: 'Libya', adjective: 'Libyan', capital: 'Tripoli', region: 'the Maghreb' },
];

export interface UsPresident {
  readonly givenNames: string;
  readonly surname: string;
  /** As in "First Lady Laura Bush". */
  readonly firstLady: string;
  readonly from: number;
  readonly to: number;
}

export const PRESIDENTS: readonly UsPresident[] = [
  { givenNames: 'George W.', surname: 'Bush', firstLady: 'Laura Bush', from: 2001, to: 2008 },
  { givenNames: 'Barack', surname: 'Obama', firstLady: 'Michelle Obama', from: 2009, to: 2016 },
];

/**
 * Years synthetic sheets are dated in: before the real sheets' administration. Years in the text move with the
 * sheet (never past it), so no synthetic passage mentions 2017–2019 or a President of the real sheets: a question
 * about "the 2019 sheet" or "President Trump" keeps meaning the real sheets, however large the corpus grows.
 */
export const SYNTHETIC_YEARS: readonly number[] = [
  2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016,
];

export const US_STATES: readonly string[] = [
  'Alabama',
  'Arizona',
  'Georgia',
  'Indiana',
  'Kentucky',
  'Michigan',
  'Mississippi',
  'North Carolina',
  'Ohio',
  'Pennsylvania',
  'South Carolina',
  'Tennessee',
  'Texas',
  'Virginia',
  'Washington',
  'Wisconsin',
];

/** Invented company names, so no real firm is credited with an invented investment. */
export const COMPANIES: readonly string[] = [
  'Arkwright Motors',
  'Bellweather Steel',
  'Cobalt Systems',
  'Driftwood Energy',
  'Eastgate Semiconductors',
  'Fairhaven Chemicals',
  'Granite Logistics',
  'Harborview Pharma',
  'Ironbridge Aerospace',
  'Juniper Robotics',
  'Keystone Batteries',
  'Lakeshore Foods',
  'Meridian Shipbuilding',
  'Northwind Turbines',
  'Oakridge Optics',
];

/** Section headings beyond the real ones, in the fact sheets' style. */
export const EXTRA_HEADINGS: readonly string[] = [
  'STRENGTHENING OUR ALLIANCE',
  'DEEPENING ECONOMIC TIES',
  'ADVANCING ENERGY SECURITY',
  'PROMOTING INNOVATION',
  'SUPPORTING REGIONAL STABILITY',
  'PEOPLE-TO-PEOPLE TIES',
  'GLOBAL HEALTH SECURITY',
  'SPACE AND TECHNOLOGY COOPERATION',
  'FAIR AND RECIPROCAL TRADE',
  'DEFENSE COOPERATION',
  'INFRASTRUCTURE INVESTMENT',
  'COUNTERING TERRORISM',
];

export const TITLE_TOPICS: readonly string[] = [
  'Strengthening the Alliance',
  'Deepening Economic Ties',
  'Advancing Shared Prosperity',
  'Partnering for Security and Growth',
  'Building a Free and Open Future',
  'A Partnership for the Next Generation',
];

export const NUMBER_WORDS: readonly string[] = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];
export const ORDINAL_WORDS: readonly string[] = [
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
];
export const MONTHS: readonly string[] = MONTHS_IN_FULL;

/** Invented people for the real sheets' other named individuals. */
export const ADVISERS: readonly string[] = [
  'Catherine Hale',
  'Marcus Ellery',
  'Denise Okafor',
  'Robert Lindqvist',
  'Priya Natarajan',
];
export const MILITARY_BASES: readonly string[] = [
  'Fairview Air Base',
  'Camp Redstone',
  'Harbor Point Naval Station',
  'Ridgeline Airfield',
];
export const ERA_NAMES: readonly string[] = ['Kouwa', 'Seimei', 'Ansei', 'Meiwa', 'Kanbun'];
export const ERA_MEANINGS: readonly string[] = [
  'lasting peace',
  'bright renewal',
  'steady prosperity',
  'shared light',
];
export const CONFERENCES: readonly string[] = [
  'Global Entrepreneurship Summit',
  'Forum on Digital Trade',
  'Summit on Clean Energy',
  'Conference on Maritime Security',
];
export const AIRCRAFT: readonly string[] = [
  'P-8 Poseidon',
  'C-130J Hercules',
  'KC-46 tanker',
  'MQ-9 Reaper',
  'AH-64 Apache',
];
export const SPACE_GOALS: readonly string[] = [
  'the International Space Station',
  'deep-space science missions',
  'satellite-based weather monitoring',
  'planetary defense research',
];
export const ENERGY_PROGRAMS: readonly string[] = [
  'Clean Energy Dialogue',
  'Energy Security Initiative',
  'Power Grid Partnership',
  'Critical Minerals Partnership',
];
export const REGIONS: readonly string[] = [
  'Euro-Atlantic',
  'Western Hemisphere',
  'Arctic',
  'Mediterranean',
  'Baltic',
  'Gulf',
];
export const WORLD_REGIONS: readonly string[] = [
  'Central America',
  'Eastern Europe',
  'North Africa',
  'Central Asia',
  'the Caribbean',
  'the Pacific Islands',
];
/** Invented acronyms for the partner's agencies (JBIC, NEXI, METI in the real sheets). */
export const AGENCY_ACRONYMS: readonly string[] = ['BIDC', 'EXIA', 'MTIE', 'NDIC', 'TIPA', 'FECO'];

export function presidentIn(year: number): UsPresident {
  return PRESIDENTS.find((president) => year >= president.from && year <= president.to) ?? PRESIDENTS[0]!;
}
