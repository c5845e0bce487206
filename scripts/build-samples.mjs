#!/usr/bin/env node
/**
 * Builds the two sample notebooks Carnet offers on first start:
 *   assets/samples/sample-fr.carnet  — « Boulangerie du Canal (exemple) »
 *   assets/samples/sample-en.carnet  — "Canal Street Bakery (sample)"
 *
 * One world, two languages: every record has the same id, date and amount in both files; only
 * the words change. All content is hand-written here (each text as { fr, en }); the purchases are
 * drawn from a seeded PRNG, so the output is byte-for-byte the same on every run.
 *
 * Dates are written relative to ANCHOR (30 June 2026, 12:00 UTC); on load the app shifts every
 * date by (now − anchor), so the sample always shows the last twelve months.
 *
 * Usage: node scripts/build-samples.mjs            (writes both files)
 *        node scripts/build-samples.mjs --check    (builds, checks, prints a summary, writes nothing)
 *
 * Plain Node ESM, no dependencies.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = join(ROOT, 'assets', 'samples')
const LANGS = ['fr', 'en']

export const ANCHOR = Date.UTC(2026, 5, 30, 12, 0, 0) // 2026-06-30T12:00:00Z
const DAY = 86_400_000
/** The notebook was started a little over a year before the anchor. */
const NOTEBOOK_START = Date.UTC(2025, 5, 20, 8, 0, 0)
const SEED = 0xca2e7

const NOTEBOOK_NAME = { fr: 'Boulangerie du Canal (exemple)', en: 'Canal Street Bakery (sample)' }

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Separate streams, so that adding a note does not reshuffle every purchase. */
const streams = {}
function rng(name) {
  if (!streams[name]) {
    let h = SEED
    for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1) >>> 0
    streams[name] = mulberry32(h)
  }
  return streams[name]
}
const rand = (name) => rng(name)()
const randInt = (name, lo, hi) => lo + Math.floor(rand(name) * (hi - lo + 1))
const chance = (name, p) => rand(name) < p
const pick = (name, list) => list[Math.floor(rand(name) * list.length)]

/**
 * A UUID-v4-shaped id drawn from the seed and a stable name ('entity:claire', 'note:12'…), so
 * that editing one part of the content does not change the ids of everything after it.
 */
function makeId(name) {
  let h = SEED ^ 0x5bd1e995
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  const r = mulberry32(h)
  const bytes = []
  for (let i = 0; i < 16; i++) bytes.push(Math.floor(r() * 256))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const s = bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

// ---------------------------------------------------------------------------------------------
// Dates: written as local (Paris) wall-clock times
// ---------------------------------------------------------------------------------------------

/** Offset of Europe/Paris from UTC, in hours, for the period the sample covers. */
function parisOffset(utcMs) {
  const winterStart = Date.UTC(2025, 9, 26, 1) // last Sunday of October 2025
  const summerStart = Date.UTC(2026, 2, 29, 1) // last Sunday of March 2026
  return utcMs >= winterStart && utcMs < summerStart ? 1 : 2
}

/** 'YYYY-MM-DD' (or 'MM-DD' inside the sample year) at a local hour → epoch ms. */
function at(date, hour = 10, minute = 0) {
  let y, m, d
  const parts = date.split('-').map(Number)
  if (parts.length === 2) {
    ;[m, d] = parts
    y = m >= 7 ? 2025 : 2026
  } else {
    ;[y, m, d] = parts
  }
  const guess = Date.UTC(y, m - 1, d, hour, minute)
  return guess - parisOffset(guess) * 3_600_000
}

/** Local calendar day of an epoch (YYYY-MM-DD). */
function localDay(ms) {
  return new Date(ms + parisOffset(ms) * 3_600_000).toISOString().slice(0, 10)
}
function localWeekday(ms) {
  return new Date(ms + parisOffset(ms) * 3_600_000).getUTCDay()
}

// ---------------------------------------------------------------------------------------------
// Tags: every tag has a French and an English spelling; notes write them inline (#tag), the
// generator extracts them and checks that both languages carry the same tags.
// ---------------------------------------------------------------------------------------------

const TAGS = {
  regular: 'habitue',
  family: 'famille',
  pastry: 'viennoiserie',
  parents: 'parents',
  running: 'running',
  sourdough: 'levain',
  glutenfree: 'sansgluten',
  vegan: 'vegan',
  coworking: 'coworking',
  lunch: 'midi',
  bookclub: 'lecture',
  baguette: 'baguette',
  price: 'prix',
  wholesale: 'pro',
  cafe: 'bistrot',
  delivery: 'livraison',
  student: 'etudiant',
  instagram: 'instagram',
  flour: 'farine',
  zerowaste: 'antigaspi',
  seasonal: 'saison',
  workshop: 'atelier',
  expert: 'expert',
  ambassador: 'ambassadeur',
  sceptic: 'sceptique',
  prescriber: 'prescripteur',
  school: 'ecole',
  kids: 'enfants',
  market: 'marche',
  reviews: 'avis',
  croissant: 'croissant',
  queue: 'attente',
  packaging: 'emballage',
  preorder: 'commande',
  allergy: 'allergie',
  christmas: 'noel',
  birthday: 'anniversaire',
  galette: 'galette',
  hours: 'horaires',
  brioche: 'brioche',
  coffee: 'cafe',
  sugar: 'sucre',
  loyalty: 'fidelite',
}
const tagIn = (lang, enTag) => {
  if (!(enTag in TAGS)) throw new Error(`unknown tag ${enTag}`)
  return lang === 'en' ? enTag : TAGS[enTag]
}
const TAG_RE = /(^|[^\p{L}\p{N}_&/#-])#([a-z0-9][a-z0-9-]*)/gu
function inlineTags(text) {
  const found = []
  for (const m of text.matchAll(TAG_RE)) if (!found.includes(m[2])) found.push(m[2])
  return found
}

// ---------------------------------------------------------------------------------------------
// The world: entities
// ---------------------------------------------------------------------------------------------

/** Every entity, in a fixed order (ids are drawn in this order). */
const ENTITIES = []
const BY_KEY = new Map()

function entity(key, kind, name, props = {}) {
  if (BY_KEY.has(key)) throw new Error(`duplicate entity key ${key}`)
  const e = { key, kind, name, tags: [], summary: { fr: '', en: '' }, ...props }
  ENTITIES.push(e)
  BY_KEY.set(key, e)
  return e
}

/** A customer: names in both languages, tags (English keys), stage, summary, contact hints. */
function customer(key, fr, en, tags, stage, summary, contact) {
  return entity(key, 'customer', { fr, en }, { tags, stage, summary, contact })
}

// --- Customers: the school-gate parents ---------------------------------------------------
customer(
  'claire',
  'Claire Dubois',
  'Claire Dawson',
  ['regular', 'family', 'pastry', 'parents'],
  'engaged',
  {
    fr: "Maman de deux enfants et présidente de l'association des parents d'élèves. Commande pour toutes les fêtes de l'école et met volontiers la main à la pâte.",
    en: 'Mother of two and chair of the PTA. Orders for every school event and happily rolls up her sleeves.',
  },
  { email: true, phone: true, birthday: '1985-03-14' },
)
customer(
  'julien',
  'Julien Moreau',
  'Julian Moore',
  ['family', 'running', 'sourdough'],
  'better-known',
  {
    fr: "Papa coureur : c'est lui qui fait le lien entre les parents de l'école et le club de course.",
    en: 'Running dad: the link between the school-gate parents and the running club.',
  },
  { email: true },
)
customer(
  'nadia',
  'Nadia Benali',
  'Nadia Khan',
  ['family', 'pastry', 'parents'],
  'better-known',
  {
    fr: "Trésorière de l'APE, très active sur le groupe WhatsApp du quartier. Son fils est allergique aux fruits à coque.",
    en: 'PTA treasurer, very active on the neighbourhood WhatsApp group. Her son is allergic to nuts.',
  },
  { phone: true },
)
customer(
  'isabelle',
  'Isabelle Garnier',
  'Isabel Gardner',
  ['regular', 'family', 'sourdough', 'delivery'],
  'attended',
  {
    fr: 'Famille de cinq : passe presque tous les jours et précommande le vendredi. Fille de Françoise Caron.',
    en: "Family of five: in almost every day and pre-orders on Fridays. Frances Carter's daughter.",
  },
  {
    email: true,
    phone: true,
    birthday: '--09-21',
    address: { fr: '3 rue des Écluses', en: '3 Lock Street' },
  },
)
customer('thomas', 'Thomas Petit', 'Tom Little', ['family'], 'known', {
  fr: "Infirmier de nuit à l'hôpital, passe à l'ouverture en sortant de garde.",
  en: 'Night nurse at the hospital; comes in at opening time after his shift.',
})
customer(
  'aurelie',
  'Aurélie Fontaine',
  'Emily Fenton',
  ['family', 'glutenfree', 'parents'],
  'attended',
  {
    fr: 'Son fils Noé est cœliaque. Envoyée par Hélène Marchand en septembre.',
    en: 'Her son Noah is coeliac. Sent to us by Helen Marsh in September.',
  },
  { email: true, phone: true },
)
customer(
  'sandrine',
  'Sandrine Leroy',
  'Sandra Reid',
  ['family', 'pastry', 'instagram'],
  'better-known',
  {
    fr: 'Maman très suivie sur Instagram (3 000 abonnés du quartier) ; partage volontiers nos fournées.',
    en: 'A mum with a local Instagram following (3,000); happily shares our bakes.',
  },
  { email: true },
)
customer('mathieu', 'Mathieu Girard', 'Matthew Gerrard', ['family', 'sourdough'], 'better-known', {
  fr: 'Papa bricoleur qui avait une machine à pain ; achète son levain le week-end, et plus souvent depuis mars.',
  en: 'DIY dad who had a bread machine; buys his sourdough at weekends, and more often since March.',
})

// --- The running club --------------------------------------------------------------------
customer(
  'lea',
  'Léa Martin',
  'Leah Martin',
  ['running', 'sourdough', 'regular'],
  'attended',
  {
    fr: "Coureuse des Foulées du Canal ; s'arrête pendant ses footings sur le chemin de halage.",
    en: 'Canal Striders runner; stops by mid-run on the towpath.',
  },
  { email: true, birthday: '1993-06-02' },
)
customer('antoine', 'Antoine Lambert', 'Anthony Lambert', ['running', 'lunch'], 'known', {
  fr: 'Compagnon de Chloé ; prend la formule midi.',
  en: "Chloe's partner; a lunch-box regular.",
})
customer(
  'chloe',
  'Chloé Bernard',
  'Chloe Barnard',
  ['running', 'glutenfree'],
  'better-known',
  {
    fr: 'Intolérante au gluten, envoyée par Hélène Marchand ; court avec le club.',
    en: 'Gluten-intolerant, sent by Helen Marsh; runs with the club.',
  },
  { email: true },
)
customer(
  'hugo',
  'Hugo Rousseau',
  'Hugh Russell',
  ['running', 'pastry', 'regular'],
  'attended',
  {
    fr: "Trésorier des Foulées du Canal ; commande les croissants d'après course.",
    en: 'Canal Striders treasurer; orders the post-run croissants.',
  },
  { email: true, phone: true },
)
customer('manon', 'Manon Faure', 'Megan Ford', ['running', 'vegan'], 'known', {
  fr: "Coureuse végane, membre de l'AMAP ; nous réclame des viennoiseries vegan.",
  en: 'Vegan runner and veg-box member; keeps asking for vegan pastries.',
})
customer('yannick', 'Yannick Le Gall', 'Ian Gale', ['running'], 'better-known', {
  fr: 'Marathonien qui avait remplacé le pain par des galettes de riz ; revenu au levain après le marathon.',
  en: 'Marathon runner who swapped bread for rice cakes; back on sourdough after the marathon.',
})

// --- The co-working space ------------------------------------------------------------------
customer(
  'sophie',
  'Sophie Lefèvre',
  'Sophie Fletcher',
  ['regular', 'sourdough', 'coworking', 'ambassador'],
  'engaged',
  {
    fr: 'Graphiste aux Ateliers du Canal. A dessiné nos sacs et nous amène sans cesse de nouveaux clients.',
    en: 'Graphic designer at Canal Works. Designed our bags and keeps bringing us new customers.',
  },
  { email: true, phone: true, birthday: '1990-11-05', website: true },
)
customer(
  'maxime',
  'Maxime Chevalier',
  'Max Chandler',
  ['coworking', 'lunch'],
  'better-known',
  {
    fr: 'Développeur au coworking, toujours pressé à midi, des retours francs.',
    en: 'Developer at the co-working space; always in a hurry at lunch, frank feedback.',
  },
  { email: true },
)
customer(
  'pauline',
  'Pauline Mercier',
  'Pauline Mercer',
  ['coworking', 'glutenfree', 'vegan'],
  'better-known',
  {
    fr: 'Consultante au coworking, privée de blé par sa diététicienne ; vit avec Romain.',
    en: "Consultant at the co-working space, off wheat on her dietitian's advice; lives with Ryan.",
  },
)
customer('romain', 'Romain Blanc', 'Ryan White', ['coworking', 'vegan'], 'known', {
  fr: 'Arrête les produits laitiers ; attend une brioche vegan.',
  en: 'Cutting out dairy; waiting for a vegan brioche.',
})
customer(
  'elodie',
  'Élodie Perrin',
  'Ellie Parker',
  ['coworking', 'sourdough'],
  'better-known',
  {
    fr: 'Traductrice de livres de cuisine au coworking, curieuse du vocabulaire du fournil.',
    en: 'Cookbook translator at the co-working space, curious about bakehouse words.',
  },
  { email: true },
)
customer('kevin', 'Kevin Nguyen', 'Kevin Nguyen', ['coworking', 'lunch'], 'known', {
  fr: "Prenait la formule midi presque tous les jours ; parti chez la chaîne d'en face en février.",
  en: 'Had the lunch box almost every day; went over to the chain across the square in February.',
})
customer(
  'lucas',
  'Lucas Bonnet',
  'Luke Bonner',
  ['coworking', 'bookclub', 'pastry'],
  'better-known',
  {
    fr: 'Romancier, au coworking la semaine et au club de lecture le mardi : il fait le pont entre les deux.',
    en: 'Novelist, at the co-working space on weekdays and the book club on Tuesdays: the bridge between the two.',
  },
)

// --- The book club -------------------------------------------------------------------------
customer(
  'gerard',
  'Gérard Pichon',
  'Gerald Pike',
  ['regular', 'baguette', 'price', 'sceptic'],
  'attended',
  {
    fr: 'Retraité, baguette bien cuite chaque matin. Conteste tous les prix et le fait savoir sur Google et sur le WhatsApp du quartier.',
    en: 'Retired; a well-done baguette every morning. Disputes every price and says so on Google and the neighbourhood WhatsApp.',
  },
  { email: true },
)
customer(
  'monique',
  'Monique Lemoine',
  'Margaret Lowe',
  ['glutenfree', 'bookclub'],
  'attended',
  {
    fr: "Retraitée du club de lecture, sans gluten depuis novembre sur les conseils d'Hélène Marchand.",
    en: "Retired book club member, gluten-free since November on Helen Marsh's advice.",
  },
  { phone: true },
)
customer(
  'francoise',
  'Françoise Caron',
  'Frances Carter',
  ['bookclub', 'family', 'seasonal'],
  'attended',
  {
    fr: "Anime le club de lecture de la médiathèque. Mère d'Isabelle Garnier ; a fêté ses 80 ans en décembre.",
    en: "Runs the library book club. Isabel Gardner's mother; turned 80 in December.",
  },
  { phone: true, birthday: '1945-12-20' },
)
customer(
  'bernard',
  'Bernard Meunier',
  'Bernard Miller',
  ['sourdough', 'flour', 'bookclub'],
  'better-known',
  {
    fr: 'Fils de meunier, reconnaît une farine au toucher ; fidèle des ateliers levain.',
    en: "A miller's son who can tell flour by touch; never misses a sourdough workshop.",
  },
)
customer('jacqueline', 'Jacqueline Roche', 'Jean Rhodes', ['bookclub', 'price'], 'known', {
  fr: 'Voisine de Gérard ; partie six semaines chez la chaîne avant de revenir.',
  en: "Gerald's neighbour; left for the chain for six weeks, then came back.",
})
customer('odile', 'Odile Vasseur', 'Olive Vaughan', ['bookclub', 'zerowaste'], 'better-known', {
  fr: 'Garde les croûtes pour sa soupe, paie par chèque, ne gaspille rien.',
  en: 'Keeps the crusts for her soup, pays by cheque, wastes nothing.',
})

// --- Everyone else -------------------------------------------------------------------------
customer(
  'marc',
  'Marc Olivier',
  'Mark Oliver',
  ['wholesale', 'cafe'],
  'attended',
  {
    fr: 'Patron du Café Lune : commande fixe mardi, jeudi et samedi, livrée à vélo. Notre plus gros client.',
    en: 'Owner of the Half Moon Café: standing order on Tuesday, Thursday and Saturday, delivered by bike. Our biggest customer.',
  },
  {
    email: true,
    phone: true,
    organisation: { fr: 'Café Lune', en: 'Half Moon Café' },
    address: { fr: '21 quai de la Loire', en: '21 Canal Street' },
  },
)
customer(
  'etienne',
  'Étienne Brun',
  'Stephen Brown',
  ['sourdough', 'workshop', 'expert'],
  'engaged',
  {
    fr: 'Boulanger amateur : entretient le même levain depuis 12 ans et co-anime nos ateliers.',
    en: 'Home baker who has kept the same starter for 12 years; co-runs our workshops.',
  },
  { email: true, phone: true },
)
customer(
  'valerie',
  'Valérie Gauthier',
  'Valerie Gates',
  ['glutenfree', 'regular'],
  'engaged',
  {
    fr: "Cœliaque, envoyée par Hélène Marchand ; nous envoie à son tour des patients de la salle d'attente.",
    en: 'Coeliac, sent by Helen Marsh; now sends us people from the waiting room herself.',
  },
  { email: true, phone: true, address: { fr: '9 rue des Tanneurs', en: '9 Tanner Street' } },
)
customer('patrick', 'Patrick Renaud', 'Patrick Reynolds', ['glutenfree', 'price'], 'known', {
  fr: 'Trouvait le pain sans gluten trop cher ; reparti vers celui du supermarché fin janvier.',
  en: "Found the gluten-free loaf too dear; went back to the supermarket's at the end of January.",
})
customer(
  'agnes',
  'Agnès Colin',
  'Agnes Collins',
  ['glutenfree', 'delivery'],
  'attended',
  {
    fr: 'Sans gluten, livrée le mardi avec sa voisine Valérie. A fêté ses 90 ans en juin.',
    en: 'Gluten-free; delivered on Tuesdays together with her neighbour Valerie. Turned 90 in June.',
  },
  {
    phone: true,
    birthday: '1936-06-13',
    address: { fr: '11 rue des Tanneurs', en: '11 Tanner Street' },
  },
)
customer(
  'baptiste',
  'Baptiste Morel',
  'Ben Morrell',
  ['glutenfree', 'family', 'parents'],
  'attended',
  {
    fr: 'Papa de Jeanne, 8 ans, cœliaque ; envoyé par Hélène Marchand en décembre.',
    en: 'Father of Jenny, 8, who is coeliac; sent by Helen Marsh in December.',
  },
  { email: true },
)
customer('emma', 'Emma Lacroix', 'Emma Cross', ['student', 'vegan'], 'better-known', {
  fr: 'Étudiante infirmière, budget serré, attentive au gaspillage.',
  en: 'Nursing student on a tight budget, careful about waste.',
})
customer('nathan', 'Nathan Duval', 'Nathan Doyle', ['student'], 'known', {
  fr: 'Étudiant infirmier, parti en stage à Lyon après Noël.',
  en: 'Nursing student; left for a placement in Manchester after Christmas.',
})
customer('zoe', 'Zoé Fabre', 'Zoe Fisher', ['student', 'vegan', 'instagram'], 'better-known', {
  fr: "Étudiante végane, nous a trouvés grâce au blog d'Inès ; partage nos nouveautés sur Instagram.",
  en: "Vegan student who found us through Isla's blog; shares our new bakes on Instagram.",
})
customer(
  'rachid',
  'Rachid Amrani',
  'Rashid Amin',
  ['wholesale', 'baguette'],
  'better-known',
  {
    fr: "Tient l'épicerie de nuit au coin ; revend une vingtaine de nos baguettes chaque soir.",
    en: 'Runs the late-night grocery on the corner; resells about twenty of our baguettes every evening.',
  },
  { phone: true, organisation: { fr: 'Épicerie de nuit Amrani', en: "Amin's Late Grocery" } },
)
customer('josiane', 'Josiane Morin', 'Joan Morris', ['regular', 'baguette'], 'known', {
  fr: "Voisine de Gérard ; une baguette chaque matin ; d'accord avec tout ce qu'il dit.",
  en: "Gerald's neighbour; a baguette every morning; agrees with everything he says.",
})
customer('alice', 'Alice Robin', 'Alice Robinson', ['sourdough'], 'known', {
  fr: 'Arrivée dans le quartier fin mai, au-dessus de la pharmacie.',
  en: 'Moved into the neighbourhood at the end of May, above the chemist.',
})
customer('victor', 'Victor Langlois', 'Victor Langley', ['sourdough'], 'known', {
  fr: 'Venait le samedi pour son levain ; passé au Fournil Bio en novembre sur les conseils de Gérard.',
  en: "Used to come on Saturdays for his sourdough; switched to the Green Oven in November on Gerald's say-so.",
})

// Stage overrides: the owner knows better than the computed stage.
BY_KEY.get('sophie').stageOverride = {
  stage: 'engaged',
  at: at('02-02', 18),
  reason: {
    fr: 'A dessiné nos sacs gratuitement et nous a amené au moins six nouveaux clients.',
    en: 'Designed our bags for free and has brought us at least six new customers.',
  },
}
BY_KEY.get('gerard').stageOverride = {
  stage: 'attended',
  at: at('12-01', 18),
  reason: {
    fr: 'Râle sur chaque prix, mais chaque réclamation a eu sa réponse et il est là tous les matins.',
    en: 'Grumbles about every price, but every complaint has been answered and he is here every morning.',
  },
}
BY_KEY.get('kevin').stageOverride = {
  stage: 'known',
  at: at('02-23', 18),
  reason: {
    fr: "Parti chez la chaîne d'en face ; on ne sait plus grand-chose de lui.",
    en: "Gone to the chain across the square; we don't know much about him any more.",
  },
}

// --- People who are not customers --------------------------------------------------------
const person = (key, fr, en, tags, summary, contact) =>
  entity(key, 'person', { fr, en }, { tags, summary, contact })
person(
  'helene',
  'Hélène Marchand',
  'Helen Marsh',
  ['glutenfree', 'prescriber'],
  {
    fr: 'Diététicienne-nutritionniste rue des Tanneurs. Oriente ses patients cœliaques et intolérants vers notre pain sans gluten.',
    en: 'Dietitian on Tanner Street. Sends her coeliac and gluten-intolerant patients to our gluten-free loaf.',
  },
  {
    phone: true,
    organisation: { fr: 'Cabinet de diététique des Tanneurs', en: 'Tanner Street Dietetics' },
  },
)
person('teacher', 'Anne Delorme', 'Anne Dalton', ['school'], {
  fr: "Maîtresse de CE2 à l'école des Écluses ; Jeanne Morel est dans sa classe.",
  en: 'Year 3 teacher at Lockside Primary; Jenny Morrell is in her class.',
})
person('coach', 'Karim Haddad', 'Kieran Hadley', ['running'], {
  fr: 'Entraîneur des Foulées du Canal. Très à cheval sur ce que mangent ses coureurs.',
  en: 'Coach of the Canal Striders. Very particular about what his runners eat.',
})
person('cheeseOwner', 'Mireille Dupré', 'Miriam Dupree', ['market'], {
  fr: 'Tient la crèmerie de la rue et un stand au marché du samedi.',
  en: 'Runs the cheese shop on our street and a stall at the Saturday market.',
})
person('blogger', 'Inès Carpentier', 'Isla Hart', ['instagram'], {
  fr: 'Blogueuse culinaire (« Les Miettes du Faubourg »), 15 000 abonnés, très lue par les étudiants.',
  en: "Food blogger ('Canal Crumbs'), 15,000 followers, widely read by students.",
})
person('cwManager', 'Bastien Roy', 'Seb Royce', ['coworking'], {
  fr: 'Gère les Ateliers du Canal pour La Ruche.',
  en: 'Manages Canal Works for Hive Coworking.',
})
person('miller', 'Jean-Louis Vidal', 'Gareth Vine', ['flour'], {
  fr: 'Meunier au Moulin de la Vallée, notre fournisseur de farine.',
  en: 'Miller at Valley Mill, our flour supplier.',
})
person('sylvie', 'Sylvie Arnaud', 'Sylvia Arnold', [], {
  fr: 'Chargée des événements à la mairie de quartier.',
  en: 'Events officer at the Town Hall.',
})
person('paul', 'Paul Dubois', 'Paul Dawson', ['family'], {
  fr: 'Compagnon de Claire.',
  en: "Claire's partner.",
})
person('camille', 'Camille Moreau', 'Caroline Moore', ['family'], {
  fr: 'Compagne de Julien ; venue pour la première fois en novembre.',
  en: "Julian's partner; first came in in November.",
})
person('martine', 'Martine Pichon', 'Maureen Pike', [], {
  fr: 'Épouse de Gérard ; vient rarement, adore la brioche.',
  en: "Gerald's wife; rarely comes in, loves the brioche.",
})
person('olivier', 'Olivier Garnier', 'Oliver Gardner', ['family'], {
  fr: "Mari d'Isabelle.",
  en: "Isabel's husband.",
})
person('jeanne', 'Jeanne Morel', 'Jenny Morrell', ['glutenfree', 'kids'], {
  fr: "Fille de Baptiste, 8 ans, cœliaque, élève d'Anne Delorme.",
  en: "Ben's daughter, 8, coeliac, in Anne Dalton's class.",
})

// --- Organisations ---------------------------------------------------------------------------
const organisation = (key, fr, en, tags, summary) =>
  entity(key, 'organisation', { fr, en }, { tags, summary })
organisation('mill', 'Moulin de la Vallée', 'Valley Mill', ['flour'], {
  fr: 'Moulin à meules de pierre à 30 km ; fournit toutes nos farines, sarrasin compris.',
  en: 'Stone-ground mill twenty miles away; supplies all our flours, buckwheat included.',
})
organisation(
  'school',
  'École élémentaire des Écluses',
  'Lockside Primary School',
  ['school', 'parents'],
  {
    fr: "L'école du quartier, à deux rues de la boutique.",
    en: 'The neighbourhood school, two streets from the shop.',
  },
)
organisation('townhall', 'Mairie de quartier', 'Town Hall', [], {
  fr: 'Organise le marché de Noël et la fête du canal.',
  en: 'Runs the Christmas market and the canal festival.',
})
organisation('cwCompany', 'La Ruche Coworking', 'Hive Coworking Ltd', ['coworking'], {
  fr: 'La société qui exploite les Ateliers du Canal.',
  en: 'The company that runs Canal Works.',
})
organisation('cafeLune', 'Café Lune', 'Half Moon Café', ['cafe', 'wholesale'], {
  fr: 'Le café de Marc Olivier, sur le quai ; sert notre pain et nos croissants.',
  en: "Mark Oliver's café on the canal; serves our bread and croissants.",
})
organisation('cremerie', 'Crèmerie Dupré', "Dupree's Cheese Shop", ['market'], {
  fr: 'La crèmerie de Mireille Dupré, trois portes plus loin.',
  en: "Miriam Dupree's cheese shop, three doors down.",
})

// --- Communities ----------------------------------------------------------------------------
const community = (key, fr, en, tags, summary) =>
  entity(key, 'community', { fr, en }, { tags, summary })
community('runners', 'Les Foulées du Canal', 'Canal Striders', ['running'], {
  fr: 'Club de course du quartier : sortie longue le dimanche, fractionné le jeudi.',
  en: 'The neighbourhood running club: long run on Sundays, intervals on Thursdays.',
})
community(
  'pta',
  "Association des parents d'élèves des Écluses",
  'Lockside PTA',
  ['parents', 'school'],
  {
    fr: "Organise la kermesse, la vente de gâteaux et la fête d'automne.",
    en: 'Runs the summer fair, the bake sale and the autumn fair.',
  },
)
community('sourdoughGroup', 'Les Amis du Levain', 'Sourdough Circle', ['sourdough'], {
  fr: 'Groupe de boulangers amateurs qui échangent levains et recettes.',
  en: 'Home bakers who swap starters and recipes.',
})
community('bookclub', 'Club de lecture de la médiathèque', 'Library Book Club', ['bookclub'], {
  fr: 'Le mardi après-midi à la médiathèque ; une galette ou une tarte à chaque séance.',
  en: 'Tuesday afternoons at the library; a galette or a tart at every meeting.',
})
community('amap', 'AMAP des Écluses', 'Lockside Veg Box', [], {
  fr: 'Panier de légumes hebdomadaire, distribué le jeudi soir.',
  en: 'A weekly vegetable box, handed out on Thursday evenings.',
})

// --- Places ---------------------------------------------------------------------------------
const place = (key, fr, en, placeMode, tags, summary) =>
  entity(key, 'place', { fr, en }, { placeMode, tags, summary })
place('market', 'Marché du samedi', 'Saturday market', 'physical', ['market'], {
  fr: 'Sur la place, le samedi matin.',
  en: 'On the square, Saturday mornings.',
})
place(
  'schoolGate',
  "Sortie de l'école des Écluses",
  'Lockside school gate',
  'physical',
  ['school', 'parents'],
  {
    fr: 'À 16 h 30, tout le quartier y passe.',
    en: 'At half past three the whole neighbourhood is there.',
  },
)
place('sportsGround', 'Stade municipal', 'Sports ground', 'physical', ['running'], {
  fr: 'Piste et club omnisport ; entraînements le soir.',
  en: 'Track and sports club; training in the evenings.',
})
place('cwSpace', 'Ateliers du Canal', 'Canal Works', 'physical', ['coworking'], {
  fr: 'Espace de coworking de 40 postes, au-dessus du quai.',
  en: 'A 40-desk co-working space above the canal.',
})
place('towpath', 'Chemin de halage', 'Canal towpath', 'physical', ['running'], {
  fr: 'Le parcours des coureurs, qui passe devant la boutique.',
  en: 'The runners’ route, right past the shop.',
})
place('library', 'Médiathèque', 'Public library', 'physical', ['bookclub'], {
  fr: 'Accueille le club de lecture le mardi.',
  en: 'Hosts the book club on Tuesdays.',
})
place('instagram', 'Instagram', 'Instagram', 'online', ['instagram'], {
  fr: 'Notre compte et ceux des clients qui nous taguent.',
  en: 'Our account and those of customers who tag us.',
})
place('whatsapp', 'Groupe WhatsApp du quartier', 'Neighbourhood WhatsApp group', 'online', [], {
  fr: '250 voisins ; les nouvelles du quartier y circulent en une heure.',
  en: '250 neighbours; local news goes round it within the hour.',
})
place('gmaps', 'Google Maps', 'Google Maps', 'online', ['reviews'], {
  fr: 'Les avis sur la boutique : 4,6 de moyenne, quelques-uns très remontés.',
  en: "The shop's reviews: 4.6 stars on average, a few very cross ones.",
})

// --- Channels (touchpoints) ---------------------------------------------------------------
const channel = (key, fr, en, tags, summary) =>
  entity(key, 'channel', { fr, en }, { tags, summary })
channel('counter', 'Comptoir de la boutique', 'Shop counter', [], {
  fr: 'Là où tout se dit, entre deux clients.',
  en: 'Where everything gets said, between two customers.',
})
channel('phoneOrders', 'Commandes par téléphone', 'Phone orders', [], {
  fr: 'Surtout les gâteaux et les grosses commandes.',
  en: 'Mostly cakes and large orders.',
})
channel('igDm', 'Messages Instagram', 'Instagram DMs', ['instagram'], {
  fr: 'Les questions des plus jeunes arrivent par là.',
  en: 'Where the younger customers ask their questions.',
})
channel('webPreorder', 'Précommande sur le site', 'Website pre-order', ['preorder'], {
  fr: 'Commande la veille avant 20 h, retrait dès 8 h.',
  en: 'Order by 8 p.m. the day before, collect from 8 a.m.',
})
channel('bikeDelivery', 'Livraison à vélo', 'Bike delivery', ['delivery'], {
  fr: 'Dans un rayon de 2 km, minimum 15 €.',
  en: 'Within a mile and a half; €15 minimum.',
})
channel('newsletter', 'La Lettre du fournil', 'The Bakehouse Letter', [], {
  fr: 'Un mail par mois : nouveautés, ateliers, fermetures.',
  en: 'One email a month: new bakes, workshops, closures.',
})

// --- Products ----------------------------------------------------------------------------------
const product = (key, fr, en, side, tags, summary) =>
  entity(key, 'product', { fr, en }, { side, tags, summary })
// ours
product('levain', 'Pain au levain', 'Sourdough loaf', 'ours', ['sourdough'], {
  fr: 'Farine T80 du Moulin de la Vallée, 36 heures de fermentation. 5,80 € le pain.',
  en: 'Valley Mill stone-ground flour, 36-hour ferment. €5.80 a loaf.',
})
product('baguette', 'Baguette tradition', 'Traditional baguette', 'ours', ['baguette'], {
  fr: '1,30 € depuis novembre (1,20 € avant).',
  en: '€1.30 since November (€1.20 before).',
})
product('croissant', 'Croissant pur beurre', 'Butter croissant', 'ours', ['croissant', 'pastry'], {
  fr: 'Beurre de baratte, 62 g. 1,40 €.',
  en: 'Farmhouse butter, 62 g. €1.40.',
})
product(
  'gfLoaf',
  'Pain sans gluten au sarrasin',
  'Gluten-free buckwheat loaf',
  'ours',
  ['glutenfree'],
  {
    fr: 'Sarrasin, eau, sel, levain sans gluten ; cuit le lundi dans un four à part. 6,50 €.',
    en: 'Buckwheat, water, salt, gluten-free starter; baked on Mondays in a separate oven. €6.50.',
  },
)
product('galette', 'Galette des rois', 'Twelfth Night galette', 'ours', ['galette', 'seasonal'], {
  fr: 'Frangipane, en janvier seulement. 22 € pour six.',
  en: 'Frangipane, January only. €22 for six.',
})
product('coffeeBeans', 'Café en grains de la maison', 'House coffee beans', 'ours', ['coffee'], {
  fr: 'Torréfié pour nous à deux rues ; 250 g à 8,50 €.',
  en: 'Roasted for us two streets away; 250 g for €8.50.',
})
product('brioche', 'Brioche tressée', 'Plaited brioche', 'ours', ['brioche'], {
  fr: 'Le produit du dimanche. 7,90 €.',
  en: 'The Sunday bake. €7.90.',
})
product('tart', 'Tarte aux fruits de saison', 'Seasonal fruit tart', 'ours', ['seasonal'], {
  fr: 'Abricots, quetsches, poires, rhubarbe : selon le marché.',
  en: 'Apricots, plums, pears, rhubarb: whatever the market has.',
})
product('lunchBox', 'Formule midi', 'Lunch box', 'ours', ['lunch'], {
  fr: 'Sandwich, boisson et douceur : 9,50 €.',
  en: 'Sandwich, drink and something sweet: €9.50.',
})
product('veganCookie', 'Cookie vegan', 'Vegan cookie', 'ours', ['vegan'], {
  fr: 'Lancé le 27 mai : avoine, chocolat noir, huile de colza. 2,50 €.',
  en: 'Launched on 27 May: oats, dark chocolate, rapeseed oil. €2.50.',
})
// competitors
product(
  'supermarket',
  'Rayon boulangerie du supermarché',
  'Supermarket bakery aisle',
  'competitor',
  [],
  {
    fr: 'Baguette à 0,90 €, pain sans gluten emballé à 3,20 €.',
    en: 'Baguette at €0.90, packaged gluten-free bread at €3.20.',
  },
)
product('chain', 'La Mie Dorée', 'Golden Crust', 'competitor', [], {
  fr: "La chaîne d'en face, sur la place : baguette à 1,10 €, carte de fidélité, ouverte à 6 h 30.",
  en: 'The chain bakery across the square: baguette at €1.10, loyalty card, open at 6:30.',
})
product('organic', 'Le Fournil Bio', 'The Green Oven', 'competitor', [], {
  fr: 'Boulangerie bio certifiée près de la gare.',
  en: 'Certified organic bakery near the station.',
})
// substitutes
product('breadMachine', 'Machine à pain', 'Home bread machine', 'substitute', [], {
  fr: 'Souvent offerte, souvent abandonnée au bout de six mois.',
  en: 'Often a present, often abandoned after six months.',
})
product('frozenBread', 'Pain précuit surgelé', 'Frozen bake-at-home bread', 'substitute', [], {
  fr: 'Pour ceux qui ne passent pas aux heures d’ouverture.',
  en: "For people who can't make it during opening hours.",
})
product('riceCakes', 'Galettes de riz', 'Rice cakes', 'substitute', [], {
  fr: 'Le « pain » des régimes et des sportifs.',
  en: "The dieters' and athletes' 'bread'.",
})
product('sliced', 'Pain de mie industriel', 'Packaged sliced bread', 'substitute', [], {
  fr: 'Se garde une semaine ; ne goûte rien, selon Josiane.',
  en: 'Keeps for a week; tastes of nothing, says Joan.',
})
// complements
product('cheese', 'Fromages de la crèmerie Dupré', "Dupree's cheeses", 'complement', ['market'], {
  fr: 'Comté 24 mois, chèvres de la ferme voisine.',
  en: 'Two-year comté, goat cheeses from the nearby farm.',
})
product('jam', 'Confitures du marché', 'Market-stall jam', 'complement', ['market'], {
  fr: 'Le stand de confitures du samedi.',
  en: 'The jam stall on Saturdays.',
})
product(
  'cafeCoffee',
  'Café filtre du Café Lune',
  'Half Moon Café filter coffee',
  'complement',
  ['coffee'],
  {
    fr: 'Fait avec nos grains depuis janvier.',
    en: 'Made with our beans since January.',
  },
)
product('honey', 'Miel du rucher des Écluses', 'Lockside honey', 'complement', [], {
  fr: 'Miel de ville récolté sur le toit de la médiathèque.',
  en: 'City honey from the hives on the library roof.',
})
product('butter', 'Beurre de baratte', 'Farmhouse butter', 'complement', [], {
  fr: 'Celui de nos croissants ; la crèmerie le vend à la motte.',
  en: 'The one in our croissants; the cheese shop sells it by the block.',
})

// ---------------------------------------------------------------------------------------------
// The world: ties. tie(from, type, to, strength, sentiment, since, comment?)
// Evidence is filled in later: every note that is about both ends of a tie backs it.
// ---------------------------------------------------------------------------------------------

const TIES = []
function tie(from, type, to, strength, sentiment, since, comment) {
  for (const k of [from, to]) if (!BY_KEY.has(k)) throw new Error(`tie: unknown entity ${k}`)
  TIES.push({ from, type, to, strength, sentiment, since, comment })
}

// --- Social: the school-gate parents (dense inside) ---
tie('claire', 'friend', 'nadia', 4, 1, '2019-09-02')
tie('claire', 'friend', 'isabelle', 4, 2, '2018-09-03', {
  fr: 'Se connaissent depuis la petite section de leurs aînés.',
  en: 'Friends since their eldest started nursery together.',
})
tie('claire', 'friend', 'aurelie', 3, 1, '2021-09-02')
tie('claire', 'friend', 'sandrine', 3, 1, '2020-09-01')
tie('nadia', 'friend', 'isabelle', 3, 1, '2019-09-02')
tie('nadia', 'neighbour', 'thomas', 2, 0, '2017-05-01')
tie('isabelle', 'friend', 'sandrine', 3, 1, '2020-09-01')
tie('aurelie', 'friend', 'sandrine', 3, 1, '2022-01-10')
tie('thomas', 'friend', 'mathieu', 3, 1, '2016-06-01')
tie('mathieu', 'friend', 'julien', 3, 1, '2021-09-02')
tie('claire', 'neighbour', 'julien', 3, 1, '2015-03-01')
// --- Social: the running club ---
tie('lea', 'friend', 'antoine', 3, 1, '2022-04-01')
tie('lea', 'friend', 'hugo', 4, 1, '2021-01-10')
tie('antoine', 'partner', 'chloe', 5, 2, '2019-06-15')
tie('antoine', 'friend', 'hugo', 3, 1, '2022-04-01')
tie('chloe', 'friend', 'manon', 3, 1, '2023-03-01')
tie('lea', 'friend', 'manon', 3, 1, '2023-03-01')
tie('hugo', 'friend', 'yannick', 4, 1, '2020-09-01', {
  fr: 'Partenaires de marathon ; se chambrent sur la nutrition.',
  en: 'Marathon training partners; tease each other about nutrition.',
})
tie('julien', 'friend', 'hugo', 3, 1, '2024-09-01')
// --- Social: the co-working space ---
tie('sophie', 'colleague', 'maxime', 3, 1, '2024-01-08')
tie('sophie', 'colleague', 'pauline', 3, 1, '2024-03-04')
tie('sophie', 'colleague', 'romain', 3, 1, '2025-02-03')
tie('sophie', 'friend', 'elodie', 4, 2, '2025-09-01')
tie('maxime', 'colleague', 'kevin', 4, 1, '2023-06-01', {
  fr: 'Déjeunent ensemble ; enfin, déjeunaient.',
  en: 'Have lunch together; well, used to.',
})
tie('pauline', 'colleague', 'elodie', 3, 1, '2025-09-01')
tie('romain', 'colleague', 'kevin', 2, 0, '2025-02-03')
tie('elodie', 'colleague', 'lucas', 3, 1, '2025-09-01')
tie('pauline', 'partner', 'romain', 5, 2, '2025-04-12')
// --- Social: the book club ---
tie('francoise', 'friend', 'monique', 4, 2, '2012-10-01')
tie('francoise', 'friend', 'odile', 3, 1, '2015-01-13')
tie('francoise', 'friend', 'jacqueline', 3, 1, '2016-09-20')
tie('monique', 'friend', 'jacqueline', 3, 1, '2016-09-20')
tie('gerard', 'friend', 'bernard', 3, 0, '2010-05-01')
tie('gerard', 'neighbour', 'jacqueline', 3, 0, '2008-01-01')
tie('lucas', 'friend', 'francoise', 2, 1, '2024-10-01')
tie('gerard', 'friend', 'francoise', 2, 0, '2016-09-20')
tie('gerard', 'neighbour', 'josiane', 4, 1, '2001-01-01', {
  fr: 'Même palier depuis vingt-cinq ans.',
  en: 'Same landing for twenty-five years.',
})
// --- Social: bridges between the groups ---
tie('nadia', 'neighbour', 'romain', 2, 1, '2025-04-12')
tie('isabelle', 'family', 'francoise', 5, 2, '1982-04-03', { fr: 'Sa mère.', en: 'Her mother.' })
// --- Social: families and friends outside the groups ---
tie('claire', 'partner', 'paul', 5, 2, '2009-06-20')
tie('julien', 'partner', 'camille', 5, 2, '2012-08-01')
tie('gerard', 'partner', 'martine', 5, 1, '1975-06-14')
tie('isabelle', 'partner', 'olivier', 5, 2, '2008-07-05')
tie('baptiste', 'family', 'jeanne', 5, 2, '2017-11-03', { fr: 'Sa fille.', en: 'His daughter.' })
tie('emma', 'friend', 'zoe', 4, 2, '2024-09-10')
tie('emma', 'friend', 'nathan', 4, 1, '2023-09-10', {
  fr: 'Même promo à l’école d’infirmières.',
  en: 'Same year at nursing school.',
})
tie('valerie', 'neighbour', 'agnes', 4, 2, '2014-01-01')
tie('etienne', 'friend', 'bernard', 3, 1, '2025-10-25')

// --- Influence: the prescriber ---
const RX = { fr: 'Ordonnance : pain sans gluten.', en: 'Prescribed: the gluten-free loaf.' }
tie('helene', 'prescribes', 'valerie', 5, 2, '2025-07-10', RX)
tie('helene', 'prescribes', 'patrick', 3, 0, '2025-08-18', RX)
tie('helene', 'prescribes', 'aurelie', 4, 2, '2025-09-01', {
  fr: 'Pour son fils Noé, cœliaque.',
  en: 'For her son Noah, who is coeliac.',
})
tie('helene', 'prescribes', 'chloe', 4, 1, '2025-10-14', RX)
tie('helene', 'prescribes', 'monique', 4, 2, '2025-10-30', RX)
tie('helene', 'prescribes', 'pauline', 4, 1, '2025-11-05', {
  fr: 'Trois mois sans blé, pour commencer.',
  en: 'Three months off wheat, to begin with.',
})
tie('helene', 'prescribes', 'agnes', 4, 2, '2025-11-10', RX)
tie('helene', 'prescribes', 'baptiste', 4, 2, '2025-12-05', {
  fr: 'Pour sa fille Jeanne, cœliaque.',
  en: 'For his daughter Jenny, who is coeliac.',
})
tie('helene', 'recommends', 'gfLoaf', 5, 2, '2025-07-01', {
  fr: 'Le seul pain sans gluten du quartier cuit dans un four séparé.',
  en: 'The only gluten-free bread nearby baked in a separate oven.',
})
tie('valerie', 'recommends', 'helene', 4, 2, '2025-09-15')
tie('aurelie', 'recommends', 'helene', 3, 1, '2025-10-03')
tie('coach', 'recommends', 'helene', 3, 1, '2025-06-01', {
  fr: 'Lui envoie les coureurs qui ont des soucis digestifs.',
  en: 'Sends her the runners with stomach trouble.',
})
tie('teacher', 'recommends', 'helene', 2, 1, '2025-10-03', {
  fr: 'Donne son nom aux parents d’enfants allergiques.',
  en: 'Gives her name to parents of children with allergies.',
})
tie('claire', 'recommends', 'helene', 2, 1, '2026-05-12', {
  fr: "L'a citée dans la lettre de l'APE.",
  en: 'Mentioned her in the PTA newsletter.',
})
// --- Influence: the ambassador ---
tie('sophie', 'referred', 'marc', 4, 2, '2025-04-10', {
  fr: "C'est elle qui a fait goûter notre levain à Marc.",
  en: 'She is the one who got Mark to taste our sourdough.',
})
tie('sophie', 'referred', 'maxime', 4, 1, '2025-03-01')
tie('sophie', 'referred', 'elodie', 4, 1, '2025-09-06')
tie('sophie', 'referred', 'romain', 4, 1, '2025-10-30')
tie('sophie', 'referred', 'lucas', 4, 2, '2025-10-30')
tie('sophie', 'recommends', 'levain', 5, 2, '2025-07-09')
tie('sophie', 'recommends', 'coffeeBeans', 4, 2, '2025-11-04')
// --- Influence: the sceptic ---
tie('gerard', 'recommends', 'chain', 4, 1, '2025-10-11', {
  fr: 'Vante la baguette à 1,10 € à qui veut l’entendre.',
  en: 'Praises the €1.10 baguette to anyone who will listen.',
})
tie('gerard', 'recommends', 'josiane', 4, -1, '2025-10-11', {
  fr: 'Lui répète que nous sommes trop chers.',
  en: 'Keeps telling her we are too expensive.',
})
tie('gerard', 'recommends', 'jacqueline', 4, -2, '2026-01-20', {
  fr: "L'a convaincue de passer à la chaîne (six semaines).",
  en: 'Talked her into the chain (for six weeks).',
})
tie('gerard', 'recommends', 'victor', 3, -2, '2025-10-02', {
  fr: "L'a envoyé au Fournil Bio.",
  en: 'Sent him to the Green Oven.',
})
tie('gerard', 'recommends', 'bernard', 2, -1, '2026-04-05')
// --- Influence: others ---
tie('etienne', 'recommends', 'levain', 5, 2, '2025-07-25')
tie('blogger', 'recommends', 'croissant', 4, 2, '2025-07-06')
tie('blogger', 'referred', 'zoe', 3, 1, '2025-07-06')
tie('blogger', 'recommends', 'cafeCoffee', 3, 1, '2026-04-30')
tie('claire', 'referred', 'nadia', 3, 1, '2025-06-28')
tie('zoe', 'referred', 'emma', 3, 1, '2025-08-25')
tie('valerie', 'referred', 'agnes', 4, 2, '2025-11-10')
tie('marc', 'recommends', 'levain', 4, 2, '2025-07-30', {
  fr: 'Notre nom est sur son ardoise.',
  en: 'Our name is on his menu board.',
})

// --- Use: customers and the products they use, own, want or dropped ---
tie('isabelle', 'uses', 'levain', 5, 2, '2024-01-01')
tie('marc', 'uses', 'croissant', 5, 2, '2025-04-15')
tie('valerie', 'uses', 'gfLoaf', 5, 2, '2025-07-15')
tie('monique', 'uses', 'gfLoaf', 4, 2, '2025-11-03')
tie('patrick', 'stopped-using', 'gfLoaf', 2, -1, '2026-01-31', {
  fr: 'Trop cher pour lui.',
  en: 'Too dear for him.',
})
tie('patrick', 'uses', 'supermarket', 3, 0, '2026-01-31')
tie('mathieu', 'stopped-using', 'breadMachine', 2, 0, '2026-03-17', {
  fr: 'Tombée en panne, pas remplacée.',
  en: 'Broke down; not replaced.',
})
tie('julien', 'owns', 'breadMachine', 1, 0, '2024-12-25', {
  fr: 'Un cadeau, toujours dans son carton.',
  en: 'A present, still in its box.',
})
tie('yannick', 'uses', 'riceCakes', 3, 0, '2025-10-23')
tie('kevin', 'uses', 'chain', 3, 0, '2026-02-10')
tie('victor', 'uses', 'organic', 4, 1, '2025-11-01')
tie('gerard', 'stopped-using', 'croissant', 3, -2, '2025-07-28', {
  fr: "Dit qu'ils ont rapetissé (ce n'est pas vrai).",
  en: "Says they've shrunk (they haven't).",
})
tie('thomas', 'uses', 'frozenBread', 2, 0, '2025-07-31')
tie('romain', 'wants', 'brioche', 3, 1, '2026-06-01', {
  fr: 'En version vegan.',
  en: 'In a vegan version.',
})
tie('manon', 'uses', 'veganCookie', 4, 2, '2026-05-27')
tie('sophie', 'uses', 'coffeeBeans', 4, 2, '2025-09-10')

// --- Places ---
tie('claire', 'frequents', 'schoolGate', 5, 1, '2019-09-02')
tie('isabelle', 'frequents', 'market', 4, 1, '2020-01-01')
tie('hugo', 'frequents', 'sportsGround', 3, 1, '2020-09-01')
tie('lea', 'frequents', 'towpath', 5, 2, '2021-01-01')
tie('sophie', 'frequents', 'cwSpace', 5, 1, '2024-01-08')
tie('maxime', 'frequents', 'cwSpace', 5, 0, '2023-06-01')
tie('zoe', 'frequents', 'instagram', 4, 1, '2022-01-01')
tie('gerard', 'frequents', 'gmaps', 3, -1, '2025-07-28', {
  fr: 'Y laisse des avis sur tous les commerces de la rue.',
  en: 'Reviews every shop on the street there.',
})
tie('francoise', 'frequents', 'library', 5, 2, '2012-10-01')

// --- Membership ---
tie('hugo', 'member-of', 'runners', 5, 2, '2020-09-01')
tie('julien', 'member-of', 'runners', 3, 1, '2024-09-01')
tie('coach', 'member-of', 'runners', 5, 2, '2018-09-01')
tie('claire', 'member-of', 'pta', 5, 2, '2019-09-02')
tie('julien', 'member-of', 'pta', 2, 1, '2021-09-02')
tie('francoise', 'member-of', 'bookclub', 5, 2, '2012-10-01')
tie('lucas', 'member-of', 'bookclub', 3, 1, '2024-10-01')
tie('etienne', 'member-of', 'sourdoughGroup', 5, 2, '2019-03-01')
tie('manon', 'member-of', 'amap', 3, 1, '2024-04-01')
tie('marc', 'works-at', 'cafeLune', 5, 2, '2019-05-01')
tie('teacher', 'works-at', 'school', 5, 1, '2014-09-01')
tie('miller', 'works-at', 'mill', 5, 1, '1998-01-01')
tie('cwManager', 'works-at', 'cwCompany', 5, 1, '2022-01-01')
tie('cheeseOwner', 'works-at', 'cremerie', 5, 2, '2011-03-01')
tie('sylvie', 'works-at', 'townhall', 4, 0, '2019-01-01')

// --- Market: who competes with, replaces, goes with and supplies what ---
tie('supermarket', 'competes-with', 'baguette', 3, 0, '2025-06-20')
tie('chain', 'competes-with', 'croissant', 4, 0, '2025-06-20')
tie('organic', 'competes-with', 'levain', 3, 0, '2025-06-20')
tie('breadMachine', 'substitutes', 'levain', 2, 0, '2025-06-20')
tie('frozenBread', 'substitutes', 'baguette', 2, 0, '2025-06-20')
tie('riceCakes', 'substitutes', 'levain', 2, 0, '2025-10-23')
tie('cheese', 'complements', 'levain', 4, 1, '2025-06-20')
tie('jam', 'complements', 'croissant', 3, 1, '2025-06-20')
tie('honey', 'complements', 'levain', 3, 1, '2026-01-13')
tie('cafeCoffee', 'complements', 'croissant', 4, 1, '2026-01-10')
tie('mill', 'supplies', 'levain', 5, 1, '2019-01-01')
tie('mill', 'supplies', 'gfLoaf', 4, 1, '2024-09-01', {
  fr: 'Farine de sarrasin moulue sur une ligne à part.',
  en: 'Buckwheat flour milled on a separate line.',
})
tie('cafeLune', 'partners', 'cwCompany', 3, 1, '2026-03-26')
tie('cremerie', 'partners', 'amap', 3, 1, '2025-05-01')

// ---------------------------------------------------------------------------------------------
// The world: notes. Mentions are written @{key} and rendered as [@Name](carnet:entity/<id>);
// tags are written inline (#tag) in each language and must match through TAGS.
// note({ d: date, kind, tp: touchpoint, f: facets, src: 'o'|'v', s: sentiment, main?, h?,
//        fu?: [dueAfterDays, doneAfterDays | null] | 'open' }, fr, en)
// ---------------------------------------------------------------------------------------------

const NOTES = []
function note(o, fr, en) {
  NOTES.push({ ...o, text: { fr, en } })
}

// ===== July 2025 =====
note(
  { d: '07-02', kind: 'conversation', tp: 'shop', f: ['identity', 'social'], src: 'v', s: 1 },
  "@{claire} est passée avec ses deux enfants après l'école. Elle vient d'être élue présidente de l'@{pta} et voudrait qu'on fasse le goûter de la kermesse en juin prochain. #famille #parents",
  "@{claire} came in with both kids after school. She's just been elected chair of the @{pta} and would like us to do the food for next June's summer fair. #family #parents",
)
note(
  { d: '07-05', kind: 'observation', tp: 'shop', f: ['habits'], src: 'o', s: -1, h: 7 },
  '@{gerard} encore là à 7 h 05 pile pour sa baguette bien cuite. Il a recompté sa monnaie deux fois en ronchonnant sur le prix. #habitue #prix #baguette',
  '@{gerard} in at 7:05 sharp again for his well-done baguette. Counted his change twice, muttering about the price. #regular #price #baguette',
)
note(
  { d: '07-06', kind: 'praise', tp: 'social', f: ['know-how'], src: 'o', s: 2 },
  "@{blogger} a publié un billet sur notre @{croissant} : « le plus beau feuilletage à l'est du canal ». Trois personnes sont venues avec la photo sur leur téléphone. #croissant #instagram",
  "@{blogger} wrote a post about our @{croissant}: 'the finest lamination east of the canal'. Three people came in holding up the photo on their phones. #croissant #instagram",
)
note(
  { d: '07-09', kind: 'praise', tp: 'social', f: ['know-how', 'creation'], src: 'v', s: 2 },
  "@{sophie} a posté sur @{instagram} une photo de la mie de notre @{levain}, avec une légende adorable — 40 j'aime dans la soirée. Elle propose de photographier la vitrine gratuitement. #levain #instagram",
  '@{sophie} posted a photo of the crumb of our @{levain} on @{instagram} with a lovely caption — 40 likes by the evening. She offered to photograph the shop window for free. #sourdough #instagram',
)
note(
  { d: '07-12', kind: 'complaint', tp: 'shop', f: ['habits'], src: 'v', s: -1, fu: [7, 5] },
  "@{maxime} s'est plaint : 15 minutes d'attente vendredi midi, il a failli aller chez @{chain}. Il n'a qu'une demi-heure pour déjeuner. #attente #midi",
  '@{maxime} complained: a 15-minute queue on Friday lunchtime, he nearly went to @{chain}. He only gets half an hour for lunch. #queue #lunch',
)
note(
  {
    d: '07-15',
    kind: 'question',
    tp: 'phone',
    f: ['identity', 'products'],
    src: 'v',
    s: 0,
    fu: [2, 1],
  },
  '@{valerie} a appelé de la part de @{helene}. Elle est cœliaque et veut savoir si le @{gfLoaf} est cuit à part des pains au blé. #sansgluten #allergie',
  "@{valerie} phoned on @{helene}'s advice. She's coeliac and wants to know whether the @{gfLoaf} is baked separately from the wheat breads. #glutenfree #allergy",
)
note(
  { d: '07-16', kind: 'observation', tp: 'shop', f: ['social', 'habits'], src: 'o', s: 0, h: 7 },
  "@{josiane} et @{gerard} refont le quartier au comptoir tous les matins ; elle approuve tout ce qu'il dit. #habitue",
  '@{josiane} and @{gerard} put the neighbourhood to rights at the counter every morning; she agrees with everything he says. #regular',
)
note(
  { d: '07-06', kind: 'anecdote', tp: 'shop', f: ['social', 'habits'], src: 'o', s: 1, h: 8 },
  '@{hugo} a pris 24 croissants à 8 h pour @{runners} après la sortie longue. Le club le fait une fois par mois et ils se disputent pour choisir la boulangerie. #running #croissant',
  '@{hugo} bought 24 croissants at 8 a.m. for the @{runners} after their long run. The club does it once a month and they argue over which bakery. #running #croissant',
)
note(
  { d: '07-22', kind: 'observation', tp: 'website', f: ['habits', 'products'], src: 'o', s: 0 },
  '@{isabelle} précommande sur le site tous les vendredis depuis un mois : deux levains, une brioche et six croissants. Toujours récupérés avant 9 h. #commande #famille',
  '@{isabelle} has pre-ordered on the website every Friday for a month: two sourdough loaves, a brioche and six croissants. Always collected before 9. #preorder #family',
)
note(
  {
    d: '07-24',
    kind: 'conversation',
    tp: 'shop',
    f: ['identity', 'places', 'social'],
    src: 'v',
    s: 1,
  },
  "@{francoise}, 79 ans, anime le @{bookclub} et passe ses mardis à la @{library}. C'est la mère d'@{isabelle} — « elle m'a appris à choisir le pain ». #lecture #famille",
  "@{francoise}, 79, runs the @{bookclub} and spends her Tuesdays at the @{library}. She's @{isabelle}'s mother — 'she taught me how to choose bread'. #bookclub #family",
)
note(
  {
    d: '07-25',
    kind: 'idea',
    tp: 'shop',
    f: ['know-how', 'creation'],
    src: 'v',
    s: 2,
    fu: [60, 76],
  },
  '@{etienne} propose un **atelier levain** le samedi matin : il apporterait son levain de 12 ans et montrerait comment le nourrir. Il anime déjà @{sourdoughGroup}. #levain #atelier',
  "@{etienne} suggests a **sourdough workshop** on Saturday mornings: he'd bring his 12-year-old starter and show people how to feed it. He already runs the @{sourdoughGroup}. #sourdough #workshop",
)
note(
  {
    d: '07-28',
    kind: 'complaint',
    tp: 'email',
    f: ['products', 'know-how'],
    src: 'v',
    s: -2,
    fu: [3, 2],
  },
  "Mail de @{gerard} : notre @{croissant} aurait « rapetissé » depuis le printemps, et il compte le dire dans les avis @{gmaps}. (Le poids n'a pas bougé, 62 g — vérifié sur trois fournées.) #croissant #prix #avis",
  "Email from @{gerard}: our @{croissant} has supposedly 'shrunk' since spring, and he'll say so in a review on @{gmaps}. (The weight hasn't changed, 62 g — checked on three batches.) #croissant #price #reviews",
)
note(
  { d: '07-30', kind: 'praise', tp: 'delivery', f: ['products'], src: 'v', s: 2 },
  "@{marc} dit que les clients du @{cafeLune} demandent d'où vient le @{levain}. Il veut mettre notre nom sur son ardoise. #pro #levain",
  '@{marc} says customers at @{cafeLune} keep asking where the @{levain} comes from. He wants to put our name on his menu board. #wholesale #sourdough',
)
note(
  {
    d: '07-31',
    kind: 'observation',
    tp: 'shop',
    f: ['identity', 'habits', 'products'],
    src: 'o',
    s: 0,
    h: 6,
  },
  '@{thomas} passe à 6 h 45 en sortant de sa garde de nuit : toujours une demi-baguette et un pain au chocolat. Le reste de la semaine, il dit se contenter de @{frozenBread}. #baguette',
  '@{thomas} comes in at 6:45 after his night shift: always half a baguette and a pain au chocolat. The rest of the week he makes do with @{frozenBread}, he says. #baguette',
)

// ===== August 2025 (closed 4–17 August) =====
note(
  { d: '08-02', kind: 'conversation', tp: 'shop', f: ['places', 'social'], src: 'v', s: 1 },
  '@{nadia} nous a demandé nos dates de vacances — du 4 au 17 août. Elle va les poster sur le @{whatsapp} pour que personne ne trouve le rideau baissé. #horaires',
  "@{nadia} asked about our holidays — 4 to 17 August. She'll post it on the @{whatsapp} so nobody finds the shutters down. #hours",
)
note(
  { d: '08-19', kind: 'complaint', tp: 'shop', f: ['products', 'habits'], src: 'v', s: -1, h: 7 },
  "@{josiane} nous en veut d'avoir fermé deux semaines : elle a dû acheter du @{sliced} au supermarché, et « ça n'a aucun goût ». #horaires",
  "@{josiane} is cross that we closed for two weeks: she had to buy @{sliced} at the supermarket, and 'it tastes of nothing'. #hours",
)
note(
  { d: '08-20', kind: 'observation', tp: 'shop', f: ['personalisation'], src: 'o', s: 0, h: 12 },
  '@{antoine} prend la formule midi « avec du pain en plus, sans le dessert ». Tous les jours pareil. #midi',
  "@{antoine} has the lunch box 'extra bread, no dessert'. The same every day. #lunch",
)
note(
  { d: '08-21', kind: 'anecdote', tp: 'shop', f: ['places', 'habits'], src: 'o', s: 1, h: 8 },
  "@{lea} s'est arrêtée pendant son footing sur le @{towpath} : une bouteille d'eau et un croissant, « pour la récup ». Elle prépare le semi-marathon d'automne. #running",
  "@{lea} stopped mid-run on the @{towpath}: a bottle of water and a croissant, 'for recovery'. She's training for the autumn half-marathon. #running",
)
note(
  {
    d: '08-25',
    kind: 'question',
    tp: 'website',
    f: ['identity', 'products'],
    src: 'v',
    s: 0,
    fu: [7, 3],
  },
  '@{zoe} demande par le formulaire du site si nous avons des viennoiseries vegan. Pas encore — seuls la baguette et le levain sont sans beurre ni lait. #vegan #viennoiserie',
  '@{zoe} asked through the website form whether any of our pastries are vegan. Not yet — only the baguette and the sourdough have no butter or milk. #vegan #pastry',
)
note(
  { d: '08-27', kind: 'observation', tp: 'shop', f: ['products', 'habits'], src: 'v', s: 0 },
  "@{mathieu} a reçu une @{breadMachine} pour son anniversaire. Il est quand même venu chercher un levain samedi : « la machine, c'est pour la semaine ». #levain",
  "@{mathieu} got a @{breadMachine} for his birthday. He still came for a sourdough loaf on Saturday: 'the machine is for weekdays'. #sourdough",
)
note(
  { d: '08-29', kind: 'praise', tp: 'email', f: ['identity', 'products'], src: 'v', s: 2 },
  "Très joli mail de @{valerie} : première fois en trois ans qu'elle mange un sandwich sans être malade. Elle va le dire à @{helene}. #sansgluten",
  "A lovely email from @{valerie}: the first time in three years she's eaten a sandwich without being ill. She's going to tell @{helene}. #glutenfree",
)
note(
  { d: '08-30', kind: 'conversation', tp: 'shop', f: ['places', 'creation'], src: 'v', s: 1 },
  '@{sandrine} demande si elle peut filmer le tourage des croissants pour ses stories @{instagram}. Elle a 3 000 abonnés, surtout des mamans du quartier. #instagram #viennoiserie',
  '@{sandrine} asked if she could film the croissant lamination for her @{instagram} stories. She has 3,000 followers, mostly local mums. #instagram #pastry',
)

// ===== September 2025 =====
note(
  { d: '09-02', kind: 'conversation', tp: 'shop', f: ['social', 'places'], src: 'v', s: 1, h: 16 },
  "Rentrée : @{claire} nous a présenté @{nadia} et @{isabelle}, « les deux autres piliers de l'APE ». Elles préparent une vente de gâteaux à la @{schoolGate}. #parents #ecole",
  "First day of term: @{claire} introduced @{nadia} and @{isabelle}, 'the other two pillars of the PTA'. They're planning a bake sale at the @{schoolGate}. #parents #school",
)
note(
  {
    d: '09-04',
    kind: 'question',
    tp: 'phone',
    f: ['identity', 'personalisation'],
    src: 'v',
    s: 0,
    fu: [3, 2],
  },
  "@{aurelie} a appelé : son fils Noé vient d'être diagnostiqué cœliaque et @{helene} lui a donné notre nom. Peut-on trancher le @{gfLoaf} et le congeler en portions pour la cantine ? #sansgluten #enfants",
  '@{aurelie} called: her son Noah has just been diagnosed coeliac and @{helene} gave her our name. Could we slice the @{gfLoaf} and freeze it in portions for his school lunches? #glutenfree #kids',
)
note(
  { d: '09-06', kind: 'conversation', tp: 'shop', f: ['social'], src: 'o', s: 1 },
  "@{sophie} est venue avec @{elodie}, qui vient d'arriver aux @{cwSpace}. « Je t'avais dit : le seul vrai levain du coin. » #coworking #levain",
  "@{sophie} brought @{elodie}, who has just moved into @{cwSpace}. 'Told you: the only real sourdough around.' #coworking #sourdough",
)
note(
  {
    d: '09-08',
    kind: 'conversation',
    tp: 'shop',
    f: ['personalisation', 'habits'],
    src: 'o',
    s: 0,
    h: 12,
  },
  '@{kevin} et @{maxime}, du coworking, viennent maintenant ensemble à midi. Kevin demande toujours la formule « sans la salade ». #midi #coworking',
  "@{kevin} and @{maxime} from the co-working space now come in together at noon. Kevin always asks for the lunch box 'without the salad'. #lunch #coworking",
)
note(
  { d: '09-10', kind: 'idea', tp: 'shop', f: ['creation'], src: 'v', s: 2, fu: [30, 28] },
  "@{sophie} a dessiné au dos d'un ticket un nouveau logo pour nos sacs : une écluse et un épi de blé. Elle le ferait proprement, gratuitement, « payée en croissants ». #emballage",
  "@{sophie} sketched a new logo for our bags on the back of a receipt: a lock gate and an ear of wheat. She'd do it properly for free, 'paid in croissants'. #packaging",
)
note(
  { d: '09-12', kind: 'anecdote', tp: 'shop', f: ['identity', 'know-how'], src: 'v', s: 1 },
  '@{bernard} a grandi au-dessus du moulin de son père et reconnaît notre farine au toucher : « T80, meule de pierre ». Il avait raison — elle vient du @{mill}. #farine #levain',
  "@{bernard} grew up above his father's mill and can tell our flour by touch: 'type 80, stone-ground'. He was right — it comes from @{mill}. #flour #sourdough",
)
note(
  { d: '09-13', kind: 'observation', tp: 'event', f: ['places', 'products'], src: 'o', s: 1 },
  'Croisé @{isabelle} au @{market} : fromage chez @{cheeseOwner}, puis confiture. Elle construit tout le brunch du dimanche autour de notre @{brioche}. #marche #brioche',
  'Ran into @{isabelle} at the @{market}: cheese from @{cheeseOwner}, then jam. She builds the whole Sunday brunch around our @{brioche}. #market #brioche',
)
note(
  { d: '09-16', kind: 'complaint', tp: 'shop', f: ['products'], src: 'v', s: -1, fu: [14, 12] },
  '@{patrick} trouve le @{gfLoaf} trop cher à 6,50 € : « celui du supermarché est à 3,20 € ». On a expliqué la farine de sarrasin et la cuisson à part ; pas convaincu. #sansgluten #prix',
  "@{patrick} finds the @{gfLoaf} too dear at €6.50: 'the supermarket one is €3.20'. We explained the buckwheat flour and the separate oven; he wasn't convinced. #glutenfree #price",
)
note(
  { d: '09-19', kind: 'conversation', tp: 'event', f: ['social'], src: 'v', s: 0 },
  "@{coach}, l'entraîneur du club @{runners}, demande si on sponsoriserait les maillots du club. Pas pour l'instant ; on a proposé des croissants pour la course d'automne. #running",
  "@{coach} from the @{runners} asked if we'd sponsor the club's shirts. Not for now; we offered croissants for the autumn race. #running",
)
note(
  { d: '09-21', kind: 'anecdote', tp: 'event', f: ['social', 'habits'], src: 'o', s: 1 },
  "@{julien} a couru la course solidaire de l'école avec @{runners} et a amené les enfants manger un croissant après. C'est lui qui fait courir les parents. #running #parents",
  "@{julien} ran the school charity run with the @{runners} and brought the kids in for a croissant afterwards. He's the one who gets the parents running. #running #parents",
)
note(
  { d: '09-23', kind: 'observation', tp: 'delivery', f: ['habits'], src: 'v', s: 1, h: 7 },
  '@{marc} passe sa commande fixe à trois livraisons par semaine :\n\n- **mardi, jeudi, samedi**, avant 7 h, à vélo ;\n- 30 croissants, 15 levains, 20 baguettes à chaque fois.\n\n#pro #livraison',
  '@{marc} is moving his standing order to three deliveries a week:\n\n- **Tuesday, Thursday, Saturday**, before 7, by bike;\n- 30 croissants, 15 sourdough loaves, 20 baguettes each time.\n\n#wholesale #delivery',
)
note(
  {
    d: '09-25',
    kind: 'question',
    tp: 'email',
    f: ['identity', 'know-how'],
    src: 'v',
    s: 1,
    fu: [3, 2],
  },
  '@{elodie} traduit un livre de boulange anglais et nous demande comment on dit « crumb » et « oven spring » au fournil. On lui a envoyé une petite liste. #levain',
  "@{elodie} is translating an English baking book into French and asked what we call 'crumb' and 'oven spring' in the bakehouse. We sent her a little list. #sourdough",
)
note(
  { d: '09-27', kind: 'praise', tp: 'shop', f: ['products', 'social'], src: 'v', s: 2 },
  "@{francoise} a pris la @{tart} pour le @{bookclub} : quetsches cette semaine. « Tout le monde a demandé d'où elle venait. » #saison",
  "@{francoise} took the @{tart} to the @{bookclub}: plums this week. 'Everyone asked where it came from.' #seasonal",
)
note(
  { d: '09-29', kind: 'conversation', tp: 'phone', f: ['identity', 'habits'], src: 'v', s: 1 },
  "@{rachid}, qui tient l'épicerie de nuit au coin, veut une vingtaine de baguettes par jour pour les vendre après notre fermeture. Prix pro convenu, retrait à 17 h. #pro #baguette",
  '@{rachid}, who runs the late-night grocery on the corner, wants about twenty baguettes a day to sell after we close. Trade price agreed, collection at 5 p.m. #wholesale #baguette',
)
note(
  { d: '09-30', kind: 'observation', tp: 'shop', f: ['identity', 'habits'], src: 'o', s: 0, h: 7 },
  "@{nathan} et @{emma}, étudiants à l'école d'infirmières, comptent leurs pièces pour deux pains au chocolat presque tous les matins. Les fins de mois sont dures. #etudiant",
  '@{nathan} and @{emma}, from the nursing school, count out coins for two pains au chocolat almost every morning. The end of the month is hard. #student',
)

// ===== October 2025 =====
note(
  {
    d: '10-02',
    kind: 'question',
    tp: 'shop',
    f: ['products', 'social'],
    src: 'v',
    s: -1,
    fu: [5, null],
  },
  '@{victor} demande si notre farine est bio. Pas certifiée — locale, moulue à la meule au @{mill}. Il dit que @{gerard} lui a vanté @{organic}, « plus sain et moins cher ». #farine',
  "@{victor} asked whether our flour is organic. Not certified — local, stone-ground at @{mill}. He says @{gerard} has been praising @{organic}, 'healthier and cheaper'. #flour",
)
note(
  { d: '10-03', kind: 'praise', tp: 'phone', f: ['products', 'social'], src: 'v', s: 2 },
  "@{aurelie} : Noé a emporté son sandwich sans gluten à l'école toute la semaine sans souci, et @{teacher} a demandé d'où il venait. Aurélie parle de @{helene} à toutes les mamans. #sansgluten #enfants #ecole",
  '@{aurelie}: Noah took his gluten-free sandwich to school all week without a problem, and @{teacher} asked where it came from. Emily tells every parent about @{helene}. #glutenfree #kids #school',
)
note(
  {
    d: '10-06',
    kind: 'complaint',
    tp: 'delivery',
    f: ['habits'],
    src: 'v',
    s: -1,
    fu: [1, 1],
    h: 10,
  },
  'Livraison chez @{isabelle} arrivée à 9 h 40 au lieu de 8 h 30 — crevaison du livreur. Elle a été compréhensive, mais les enfants sont partis sans pain. On a offert une brioche. #livraison',
  'The delivery to @{isabelle} arrived at 9:40 instead of 8:30 — the rider had a puncture. She was gracious, but the kids left without bread. We sent a brioche on the house. #delivery',
)
note(
  { d: '10-09', kind: 'conversation', tp: 'shop', f: ['creation', 'social'], src: 'v', s: 2 },
  "Premier atelier levain fixé au 25 octobre, 8 places. @{etienne} co-anime ; @{bernard} s'est inscrit le premier. #atelier #levain",
  'First sourdough workshop set for 25 October, 8 places. @{etienne} will co-lead; @{bernard} was the first to sign up. #workshop #sourdough',
)
note(
  { d: '10-11', kind: 'observation', tp: 'social', f: ['know-how', 'social'], src: 'o', s: -2 },
  "@{gerard} a laissé un avis 2 étoiles sur @{gmaps} : « bon pain, prix de voleur ». Trois voisins l'ont aimé, dont @{josiane}. Il conseille @{chain} en réponse aux commentaires. #avis #prix",
  "@{gerard} left a 2-star review on @{gmaps}: 'good bread, daylight robbery'. Three neighbours liked it, @{josiane} among them. He recommends @{chain} in the replies. #reviews #price",
)
note(
  { d: '10-12', kind: 'observation', tp: 'shop', f: ['habits'], src: 'o', s: 0 },
  '@{odile} paie par chèque. Toujours. Même pour une baguette. #habitue',
  '@{odile} pays by cheque. Always. Even for a baguette. #regular',
)
note(
  { d: '10-14', kind: 'question', tp: 'phone', f: ['social'], src: 'v', s: 1, fu: [3, 2] },
  "@{claire} demande un devis pour 200 mini-croissants pour la fête d'automne de l'école. Il lui faut le chiffre avant vendredi. #parents #viennoiserie",
  "@{claire} asked for a quote for 200 mini croissants for the school's autumn fair. She needs the figure by Friday. #parents #pastry",
)
note(
  { d: '10-17', kind: 'praise', tp: 'shop', f: ['identity', 'products', 'social'], src: 'v', s: 2 },
  "@{chloe} est venue sur le conseil de @{helene} : intolérante au gluten, elle n'avait pas mangé de vrai pain depuis un an. Elle a pris deux pains — le @{gfLoaf} — et elle est revenue le lendemain avec son compagnon @{antoine}. #sansgluten",
  "@{chloe} came on @{helene}'s advice: gluten-intolerant, she hadn't had real bread for a year. She took two of the @{gfLoaf}, and was back the next day with her partner @{antoine}. #glutenfree",
)
note(
  { d: '10-20', kind: 'idea', tp: 'email', f: ['creation'], src: 'v', s: 1, fu: [30, 41] },
  '@{hugo} propose un « sac du finisher » pour @{runners} : un croissant, une part de cake à la banane et un café, prêts à 10 h le dimanche. #running',
  "@{hugo} suggests a 'finisher's bag' for the @{runners}: a croissant, a slice of banana bread and a coffee, ready at 10 on Sundays. #running",
)
note(
  { d: '10-23', kind: 'observation', tp: 'shop', f: ['products', 'habits'], src: 'v', s: -1 },
  '@{yannick} ne prend plus de @{croissant} — « je coupe les glucides pour le marathon ». Il achète juste un café et mange des @{riceCakes} sorties de son sac. #running',
  "@{yannick} has stopped buying the @{croissant} — 'cutting carbs for the marathon'. He just buys a coffee and eats @{riceCakes} out of his bag. #running",
)
note(
  {
    d: '10-25',
    kind: 'anecdote',
    tp: 'event',
    f: ['know-how', 'creation', 'social'],
    src: 'o',
    s: 2,
    h: 9,
  },
  "Premier atelier levain : 8 personnes, 3 heures, de la farine partout. @{etienne} a apporté son levain « Gaston » et en a donné un pot à chacun. @{bernard} a corrigé le calcul d'hydratation. **Tout le monde veut une deuxième séance.** #atelier #levain",
  "First sourdough workshop: 8 people, 3 hours, flour everywhere. @{etienne} brought his starter 'Gaston' and gave everyone a jar. @{bernard} corrected the hydration maths. **Everyone wants a second session.** #workshop #sourdough",
)
note(
  {
    d: '10-28',
    kind: 'complaint',
    tp: 'shop',
    f: ['products'],
    src: 'v',
    s: -1,
    fu: [2, 1],
    h: 13,
  },
  '@{maxime} : le sandwich de la @{lunchBox} de mardi était détrempé à 13 h — la tomate directement sur le pain. #midi',
  "@{maxime}: Tuesday's @{lunchBox} sandwich was soggy by 1 p.m. — tomato straight on the bread. #lunch",
)
note(
  { d: '10-30', kind: 'conversation', tp: 'shop', f: ['social'], src: 'o', s: 2 },
  "@{sophie} a amené @{romain} et @{lucas} du coworking : « je leur ai dit que c'est le seul vrai levain du coin ». Troisième fois ce trimestre qu'elle nous amène quelqu'un. #coworking #levain",
  "@{sophie} brought @{romain} and @{lucas} from the co-working space: 'I told them this is the only real sourdough around.' The third time this term she's brought someone new. #coworking #sourdough",
)

// ===== November 2025 =====
note(
  { d: '11-03', kind: 'praise', tp: 'shop', f: ['products', 'habits'], src: 'v', s: 2 },
  '@{monique}, envoyée par @{helene}, trouve que le @{gfLoaf} « grille comme du vrai pain ». Elle compte en prendre un tous les mardis. #sansgluten',
  "@{monique}, sent by @{helene}, says the @{gfLoaf} 'toasts like real bread'. She means to have one every Tuesday. #glutenfree",
)
note(
  { d: '11-04', kind: 'observation', tp: 'website', f: ['social'], src: 'o', s: 1 },
  'Depuis que @{sophie} parle de notre @{coffeeBeans} au coworking, six précommandes du site mentionnent « les Ateliers ». #commande #coworking #cafe',
  "Since @{sophie} started talking up our @{coffeeBeans} at the co-working space, six website pre-orders mention 'Canal Works'. #preorder #coworking #coffee",
)
note(
  {
    d: '11-08',
    kind: 'question',
    tp: 'shop',
    f: ['identity', 'products'],
    src: 'v',
    s: 0,
    fu: [30, 45],
  },
  'La diététicienne de @{pauline}, @{helene}, lui a supprimé le blé pour trois mois. Elle essaie notre @{gfLoaf} et demande si on fait des viennoiseries sans gluten. #sansgluten #viennoiserie',
  "@{pauline}'s dietitian, @{helene}, has taken her off wheat for three months. She's trying our @{gfLoaf} and asked if we do any gluten-free pastries. #glutenfree #pastry",
)
note(
  { d: '11-10', kind: 'anecdote', tp: 'shop', f: ['habits', 'products'], src: 'v', s: 2 },
  '@{lea} a couru le semi en 1 h 41, record personnel ; elle a fêté ça avec une @{brioche} entière. #running #brioche',
  '@{lea} ran the half-marathon in 1:41, a personal best, and celebrated with a whole @{brioche}. #running #brioche',
)
note(
  {
    d: '11-12',
    kind: 'question',
    tp: 'phone',
    f: ['identity', 'habits'],
    src: 'v',
    s: 0,
    fu: [7, 10],
  },
  "@{agnes} ne peut plus venir à pied sous la pluie et demande si on peut lui livrer un @{gfLoaf} par semaine. Le minimum de livraison est à 15 €. C'est @{valerie} qui lui a parlé de nous. #sansgluten #livraison",
  "@{agnes} can't walk here in the rain any more and asked if we could deliver one @{gfLoaf} a week. The delivery minimum is €15. It was @{valerie} who told her about us. #glutenfree #delivery",
)
note(
  { d: '11-15', kind: 'anecdote', tp: 'shop', f: ['social'], src: 'v', s: 1 },
  "@{camille}, la compagne de @{julien}, est venue pour la première fois : « alors c'est vous, la fameuse boulangerie ». Julien parle de notre levain à table, paraît-il. #famille",
  "@{camille}, @{julien}'s partner, came in for the first time: 'so you're the famous bakery'. Apparently Julian talks about our sourdough at dinner. #family",
)
note(
  {
    d: '11-17',
    kind: 'question',
    tp: 'shop',
    f: ['identity', 'personalisation'],
    src: 'v',
    s: 0,
    fu: [3, 3],
  },
  "@{nadia} veut la liste des ingrédients de tout ce qu'on vend : son fils est allergique aux fruits à coque. #allergie #enfants",
  '@{nadia} wants the ingredients of everything we sell: her son is allergic to nuts. #allergy #kids',
)
note(
  { d: '11-19', kind: 'observation', tp: 'shop', f: ['personalisation', 'habits'], src: 'o', s: 1 },
  '@{odile} demande toujours le « quignon » du @{levain} — la croûte pour sa soupe. On lui met maintenant les talons de côté. #levain #antigaspi',
  '@{odile} always asks for the heel of the @{levain} — the crust goes in her soup. We now put the ends aside for her. #sourdough #zerowaste',
)
note(
  { d: '11-22', kind: 'question', tp: 'event', f: ['places'], src: 'v', s: 0, fu: [7, 5] },
  "@{sylvie}, de la @{townhall}, nous propose un stand au marché de Noël du 13 décembre. « La chaîne d'en face a déjà dit oui. » #noel",
  "@{sylvie} from the @{townhall} offered us a stall at the Christmas market on 13 December. 'The chain across the square has already said yes.' #christmas",
)
note(
  { d: '11-25', kind: 'praise', tp: 'website', f: ['know-how'], src: 'v', s: 2 },
  "@{lucas} a laissé un avis sur le site : « J'écris mieux après un pain au chocolat. Prouvé scientifiquement. » #viennoiserie",
  "@{lucas} left a review on the website: 'I write better after a pain au chocolat. Scientifically proven.' #pastry",
)
note(
  {
    d: '11-28',
    kind: 'complaint',
    tp: 'shop',
    f: ['products', 'social'],
    src: 'v',
    s: -2,
    fu: [14, null],
    h: 7,
  },
  "@{gerard} s'est plaint tout haut dans la file du nouveau prix de la @{baguette} (1,30 €). Deux clients derrière lui ont hoché la tête. Il a dit à @{jacqueline} que la chaîne la vend 1,10 €. #prix #baguette",
  '@{gerard} complained loudly in the queue about the new price of the @{baguette} (€1.30). Two people behind him nodded. He told @{jacqueline} the chain sells it for €1.10. #price #baguette',
)
note(
  { d: '11-29', kind: 'observation', tp: 'delivery', f: ['habits'], src: 'v', s: 2, h: 7 },
  'Le brunch du dimanche décolle au @{cafeLune} : @{marc} double sa commande de croissants du samedi, 60 au lieu de 30. #pro #croissant',
  'Sunday brunch is taking off at @{cafeLune}: @{marc} is doubling his Saturday croissant order, 60 instead of 30. #wholesale #croissant',
)

// ===== December 2025 =====
note(
  { d: '12-01', kind: 'observation', tp: 'social', f: ['social', 'creation'], src: 'o', s: 2 },
  "Le calendrier de l'avent est lancé. @{sandrine} a partagé le jour 1 et @{zoe} a deviné en quelques minutes. 120 nouveaux abonnés sur @{instagram} en une journée. #instagram #noel",
  'The advent calendar is live. @{sandrine} shared day 1 and @{zoe} guessed it within minutes. 120 new followers on @{instagram} in a day. #instagram #christmas',
)
note(
  {
    d: '12-04',
    kind: 'conversation',
    tp: 'shop',
    f: ['personalisation', 'social', 'identity'],
    src: 'v',
    s: 2,
  },
  "@{isabelle} a commandé la bûche pour douze et nous demande d'écrire « Mamie Françoise 80 ans » dessus — c'est pour sa mère, @{francoise}. #noel #famille #anniversaire",
  "@{isabelle} ordered the Yule log for twelve and asked us to write 'Granny Frances 80' on it — it's for her mother, @{francoise}. #christmas #family #birthday",
)
note(
  {
    d: '12-08',
    kind: 'question',
    tp: 'email',
    f: ['identity', 'personalisation'],
    src: 'v',
    s: 0,
    fu: [5, 4],
  },
  'Mail de @{baptiste} : sa fille @{jeanne} est cœliaque et @{helene} nous a recommandés. Pourrions-nous faire une bûche sans gluten ? La fête de sa classe est le 19. #sansgluten #noel #enfants',
  'Email from @{baptiste}: his daughter @{jeanne} is coeliac and @{helene} recommended us. Could we make a gluten-free Yule log? Her class party is on the 19th. #glutenfree #christmas #kids',
)
note(
  {
    d: '12-10',
    kind: 'idea',
    tp: 'shop',
    f: ['products', 'creation'],
    src: 'v',
    s: 2,
    fu: [30, 31],
  },
  "@{marc} voudrait vendre notre @{coffeeBeans} à côté de sa caisse au @{cafeLune}, et l'utiliser pour son café filtre. Joli partenariat possible. #cafe #pro",
  '@{marc} would like to sell our @{coffeeBeans} by his till at @{cafeLune} and use them for his filter coffee. Could be a nice partnership. #coffee #wholesale',
)
note(
  { d: '12-11', kind: 'observation', tp: 'other', f: ['places', 'habits'], src: 'o', s: 1 },
  "@{lucas} écrit tous les matins dans un coin du @{cafeLune} avec notre pain au chocolat — c'est @{marc} qui nous l'a dit. #viennoiserie",
  '@{lucas} writes every morning in a corner of @{cafeLune} with one of our pains au chocolat — @{marc} told us. #pastry',
)
note(
  { d: '12-13', kind: 'observation', tp: 'event', f: ['social', 'places'], src: 'o', s: 2, h: 15 },
  'Stand au marché de Noël : 180 mini-brioches vendues à 15 h. @{claire} et @{nadia} ont tenu le stand avec nous une heure. Le stand de @{chain} à côté avait aussi la queue. #noel #marche',
  "Christmas market stall: 180 mini brioches sold by 3 p.m. @{claire} and @{nadia} helped out on the stall for an hour. @{chain}'s stall next to us had a queue too. #christmas #market",
)
note(
  { d: '12-16', kind: 'complaint', tp: 'shop', f: ['products'], src: 'v', s: -1, fu: [7, 6] },
  '@{francoise} a trouvé la @{tart} trop sucrée cette semaine : « vous avez changé la recette ». Non, mais les poires étaient très mûres. #saison #sucre',
  "@{francoise} found the @{tart} too sweet this week: 'you've changed the recipe'. We hadn't, but the pears were very ripe. #seasonal #sugar",
)
note(
  { d: '12-19', kind: 'praise', tp: 'email', f: ['products', 'social'], src: 'v', s: 2 },
  '@{baptiste} : la bûche sans gluten a fait un tabac à la fête de la classe de @{jeanne} ; @{teacher} a demandé la recette. #sansgluten #noel #enfants',
  "@{baptiste}: the gluten-free Yule log was the hit of @{jeanne}'s class party; @{teacher} asked for the recipe. #glutenfree #christmas #kids",
)
note(
  { d: '12-20', kind: 'observation', tp: 'shop', f: ['social', 'habits'], src: 'o', s: 1 },
  '@{josiane} a pris deux bûches, « une pour moi, une pour la voisine qui ne marche plus ». Payé avec des pièces mises de côté dans un bocal. #noel',
  "@{josiane} bought two Yule logs, 'one for me, one for the neighbour who can't walk any more'. Paid with coins saved in a jar. #christmas",
)
note(
  { d: '12-22', kind: 'complaint', tp: 'phone', f: ['habits'], src: 'v', s: -1, fu: [1, 1], h: 7 },
  "@{thomas} a appelé : sa bûche précommandée n'était pas prête à 7 h en sortant de sa garde — nos retraits commencent à 8 h. #noel #commande #horaires",
  "@{thomas} called: his pre-ordered Yule log wasn't ready at 7 a.m. when he came off his shift — our collection slots start at 8. #christmas #preorder #hours",
)
note(
  { d: '12-23', kind: 'anecdote', tp: 'shop', f: ['identity', 'places'], src: 'v', s: 1 },
  '@{nathan} est venu dire au revoir : il part en stage à Lyon après Noël. Il a pris un @{levain} entier « pour le train ». #etudiant',
  "@{nathan} came to say goodbye: he's off to a placement in Manchester after Christmas. Bought a whole @{levain} 'for the train'. #student",
)
note(
  { d: '12-27', kind: 'conversation', tp: 'shop', f: ['social', 'know-how'], src: 'v', s: 2 },
  "@{valerie} nous dit qu'elle nous a envoyé « au moins cinq personnes » depuis la salle d'attente de @{helene}, dont sa voisine @{agnes}. #sansgluten",
  "@{valerie} says she's sent us 'at least five people' from @{helene}'s waiting room, including her neighbour @{agnes}. #glutenfree",
)
note(
  { d: '12-30', kind: 'observation', tp: 'shop', f: ['habits', 'social'], src: 'o', s: 0, h: 8 },
  '@{emma} vient seule depuis le départ de @{nathan}. Elle est passée du pain au chocolat à la baguette, « ça tient deux jours ». #etudiant #baguette',
  "@{emma} comes alone now that @{nathan} has gone. She's switched from pain au chocolat to a baguette, 'it lasts two days'. #student #baguette",
)

// ===== January 2026 =====
note(
  { d: '01-03', kind: 'anecdote', tp: 'shop', f: ['social', 'places'], src: 'v', s: 2 },
  "Le petit dernier de @{claire} a eu la fève dans la @{galette} et a voulu garder la couronne pour aller à l'école. Photo sur le @{whatsapp} dès 20 h. #galette #famille",
  "@{claire}'s youngest found the charm in the @{galette} and insisted on wearing the crown to school. Photo on the @{whatsapp} by 8 p.m. #galette #family",
)
note(
  { d: '01-06', kind: 'observation', tp: 'shop', f: ['products'], src: 'o', s: 0, h: 18 },
  "Épiphanie : la @{galette} est partie à 140 exemplaires. @{chain} vend la sienne 15 € pour six, nous 22 €. Personne n'a fait la remarque au comptoir. #galette #prix",
  'Twelfth Night: we sold 140 of the @{galette}. @{chain} sells theirs at €15 for six, we charge €22. Nobody mentioned it at the counter. #galette #price',
)
note(
  {
    d: '01-08',
    kind: 'question',
    tp: 'phone',
    f: ['social', 'personalisation'],
    src: 'v',
    s: 1,
    fu: [4, 5],
  },
  '@{francoise} veut une galette pour le @{bookclub} mardi 13 — et une petite sans gluten pour que @{monique} ne soit pas mise de côté. Possible ? #galette #sansgluten',
  "@{francoise} wants a galette for the @{bookclub} on Tuesday the 13th — and a small gluten-free one so that @{monique} isn't left out. Can we? #galette #glutenfree",
)
note(
  { d: '01-10', kind: 'complaint', tp: 'shop', f: ['places'], src: 'v', s: -1, fu: [14, 20] },
  '@{lea} trouve que les nouveaux sacs en papier se déchirent quand le pain est encore chaud. Elle a dû porter deux pains dans les bras le long du @{towpath}. #emballage',
  '@{lea} says the new paper bags tear when the bread is still warm. She had to carry two loaves in her arms along the @{towpath}. #packaging',
)
note(
  { d: '01-11', kind: 'observation', tp: 'social', f: ['social'], src: 'o', s: 2 },
  "Le reel de @{sandrine} sur notre galette : 12 000 vues. Trois nouvelles familles sont venues demander « la galette d'Instagram ». #galette #instagram",
  "@{sandrine}'s reel about our galette: 12,000 views. Three new families came in asking for 'the galette from Instagram'. #galette #instagram",
)
note(
  {
    d: '01-13',
    kind: 'conversation',
    tp: 'shop',
    f: ['habits', 'know-how', 'products'],
    src: 'v',
    s: 1,
  },
  "@{hugo} et @{yannick} préparent le marathon de Paris d'avril. Hugo mange notre levain avec du @{honey} avant les sorties longues ; Yannick ne jure que par les @{riceCakes}. #running #levain",
  '@{hugo} and @{yannick} are training for a spring marathon in April. Hugh eats our sourdough with @{honey} before long runs; Ian swears by @{riceCakes}. #running #sourdough',
)
note(
  { d: '01-13', kind: 'praise', tp: 'event', f: ['social', 'products'], src: 'v', s: 2 },
  'Galette du @{bookclub} : @{monique} a eu la petite sans gluten… et la fève. « La première fois en vingt ans. » #galette #sansgluten #lecture',
  "The @{bookclub} galette: @{monique} got the small gluten-free one… and the charm. 'First time in twenty years.' #galette #glutenfree #bookclub",
)
note(
  { d: '01-18', kind: 'observation', tp: 'social', f: ['social', 'know-how'], src: 'o', s: -2 },
  '@{gerard} a écrit sur le @{whatsapp} que la galette de @{chain} est « aussi bonne pour moitié prix ». @{sandrine} a répondu avec une photo de la nôtre. #galette #prix',
  "@{gerard} wrote on the @{whatsapp} that @{chain}'s galette is 'just as good at half the price'. @{sandrine} replied with a photo of ours. #galette #price",
)
note(
  { d: '01-20', kind: 'conversation', tp: 'shop', f: ['social', 'places'], src: 'v', s: -1 },
  "@{jacqueline} nous prévient qu'elle va aller chez @{chain} « quelque temps » : @{gerard} lui a dit que c'était moins cher. Elle avait l'air gênée. #prix",
  "@{jacqueline} told us she'll be going to @{chain} 'for a while': @{gerard} told her it's cheaper. She looked embarrassed. #price",
)
note(
  {
    d: '01-21',
    kind: 'idea',
    tp: 'shop',
    f: ['creation', 'know-how'],
    src: 'v',
    s: 2,
    fu: [21, 20],
  },
  "@{etienne} propose de vendre des pots de notre levain à 3 €, avec un petit guide imprimé pour le nourrir. « Les gens de l'atelier n'arrêtent pas de demander. » #levain #atelier",
  "@{etienne} suggests selling jars of our starter at €3, with a little printed feeding guide. 'People from the workshop keep asking.' #sourdough #workshop",
)
note(
  {
    d: '01-24',
    kind: 'conversation',
    tp: 'shop',
    f: ['social', 'identity', 'places'],
    src: 'v',
    s: 1,
  },
  "@{pauline} et @{romain}, du coworking, s'installent ensemble au-dessus de la @{cremerie}. Elle ne mange plus de blé, lui arrête les laitages : « notre panier, c'est un casse-tête ». #coworking",
  "@{pauline} and @{romain} from the co-working space are moving in together above @{cremerie}. She's off wheat, he's cutting out dairy: 'our shopping basket is a puzzle'. #coworking",
)
note(
  { d: '01-30', kind: 'complaint', tp: 'website', f: ['habits'], src: 'v', s: -1, fu: [1, 0] },
  'La précommande de @{isabelle} sur le site est passée deux fois et a été débitée deux fois (36,90 €). Remboursée le jour même. #commande',
  "@{isabelle}'s website pre-order went through twice and she was charged twice (€36.90). Refunded the same day. #preorder",
)
note(
  { d: '01-29', kind: 'observation', tp: 'delivery', f: ['social', 'habits'], src: 'o', s: 1 },
  "La livraison hebdomadaire d'@{agnes} part maintenant avec celle de @{valerie} le mardi : elles sont voisines et partagent les frais. #livraison #sansgluten",
  "@{agnes}'s weekly delivery now goes out with @{valerie}'s on Tuesdays: they're neighbours and share the fee. #delivery #glutenfree",
)
note(
  {
    d: '01-30',
    kind: 'question',
    tp: 'shop',
    f: ['identity', 'habits'],
    src: 'v',
    s: 0,
    fu: [30, null],
  },
  '@{emma} demande si on vend le pain de la veille moins cher. Pas encore ; les invendus partent à la banque alimentaire. #etudiant #antigaspi',
  "@{emma} asked if we sell yesterday's bread cheaper. Not yet; the leftovers go to the food bank. #student #zerowaste",
)
note(
  {
    d: '01-31',
    kind: 'complaint',
    tp: 'shop',
    f: ['products', 'habits'],
    src: 'v',
    s: -1,
    fu: [7, 3],
  },
  "@{patrick} annonce qu'il repasse au pain sans gluten du supermarché (@{supermarket}) « pour le prix ». On lui a proposé des demi-pains à 3,40 €. #sansgluten #prix",
  "@{patrick} says he's going back to the supermarket's gluten-free bread (@{supermarket}) 'for the price'. We offered him half loaves at €3.40. #glutenfree #price",
)

// ===== February 2026 =====
note(
  { d: '02-02', kind: 'praise', tp: 'shop', f: ['creation'], src: 'v', s: 2 },
  "@{sophie} a livré les fichiers définitifs des sacs. Elle refuse d'être payée ; on a conclu pour « un croissant par jour jusqu'à la fin des temps ». #emballage",
  "@{sophie} delivered the final artwork for the bags. She won't take any money; we settled on 'a croissant a day until the end of time'. #packaging",
)
note(
  { d: '02-05', kind: 'anecdote', tp: 'shop', f: ['places', 'habits'], src: 'v', s: 1, h: 17 },
  "@{rachid} dit que nos baguettes sont parties à 21 h à l'épicerie ; les gens du @{sportsGround} passent après l'entraînement. #baguette #pro",
  '@{rachid} says our baguettes had all gone by 9 p.m. at the grocery; people from the @{sportsGround} drop in after training. #baguette #wholesale',
)
note(
  { d: '02-09', kind: 'praise', tp: 'shop', f: ['creation', 'habits'], src: 'v', s: 2 },
  '@{odile} nous a apporté un bol de sa soupe aux croûtons… faits avec nos talons de levain. Délicieuse. #antigaspi #levain',
  '@{odile} brought us a bowl of her soup with croutons… made from our sourdough heels. Delicious. #zerowaste #sourdough',
)
note(
  {
    d: '02-12',
    kind: 'question',
    tp: 'phone',
    f: ['social', 'know-how'],
    src: 'v',
    s: 1,
    fu: [14, 10],
  },
  'Appel de @{helene} : elle nous envoie maintenant « deux ou trois patients par semaine » pour le @{gfLoaf}. Elle demande un étiquetage des allergènes en gros caractères pour ses patients âgés, comme @{agnes}. #sansgluten #allergie',
  "A call from @{helene}: she now sends us 'two or three patients a week' for the @{gfLoaf}. She asked for allergen labels in large print for her older patients, like @{agnes}. #glutenfree #allergy",
)
note(
  {
    d: '02-14',
    kind: 'anecdote',
    tp: 'shop',
    f: ['personalisation', 'creation', 'social'],
    src: 'v',
    s: 2,
  },
  "Saint-Valentin : @{antoine} a commandé une @{brioche} en forme de cœur pour @{chloe} — sans gluten. Il a fallu l'inventer. #sansgluten #brioche",
  "Valentine's Day: @{antoine} ordered a heart-shaped @{brioche} for @{chloe} — gluten-free. We had to invent it. #glutenfree #brioche",
)
note(
  { d: '02-18', kind: 'observation', tp: 'shop', f: ['social', 'habits'], src: 'o', s: 1 },
  "@{claire} et @{julien} lancent un « footing des parents » le jeudi matin après l'école ; ils passent prendre un café ici à la fin. #parents #running",
  "@{claire} and @{julien} have started a 'parents' jog' on Thursday mornings after drop-off; they finish here with a coffee. #parents #running",
)
note(
  {
    d: '02-20',
    kind: 'question',
    tp: 'social',
    f: ['identity', 'products'],
    src: 'v',
    s: 0,
    fu: [30, 96],
  },
  "@{manon} demande sur Instagram si on fera un jour un croissant vegan. On a répondu qu'on y réfléchissait. #vegan #croissant",
  "@{manon} asked on Instagram whether we'll ever do a vegan croissant. We said we're thinking about it. #vegan #croissant",
)
note(
  {
    d: '02-23',
    kind: 'observation',
    tp: 'shop',
    f: ['products', 'social'],
    src: 'o',
    s: -1,
    h: 13,
  },
  "Pas vu @{kevin} à midi depuis deux semaines. @{maxime} dit qu'il « teste @{chain}, c'est plus près du tram ». #midi #coworking",
  "Haven't seen @{kevin} at lunchtime for two weeks. @{maxime} says he's 'trying @{chain}, it's closer to the tram'. #lunch #coworking",
)
note(
  { d: '02-26', kind: 'idea', tp: 'shop', f: ['habits'], src: 'v', s: 1, fu: [30, null], h: 12 },
  "@{maxime} suggère une carte de fidélité pour la formule midi : la dixième offerte. « C'est comme ça que la chaîne a eu Kevin. » #midi #fidelite",
  "@{maxime} suggests a loyalty card for the lunch box: the tenth one free. 'That's how the chain got Kevin.' #lunch #loyalty",
)
note(
  { d: '02-27', kind: 'observation', tp: 'other', f: ['know-how'], src: 'v', s: -1 },
  '@{bernard} nous apprend que le @{mill} augmente ses prix de 8 % en avril ; il le tient de @{miller} lui-même. #farine #prix',
  '@{bernard} tells us @{mill} is putting its prices up 8% in April; he heard it from @{miller} himself. #flour #price',
)

// ===== March 2026 =====
note(
  {
    d: '03-02',
    kind: 'question',
    tp: 'phone',
    f: ['social', 'personalisation'],
    src: 'v',
    s: 1,
    fu: [60, 75],
  },
  '@{claire} confirme la kermesse du 27 juin. Elle voudrait :\n\n- 300 mini-croissants ;\n- 10 brioches tressées ;\n- **quelque chose pour les enfants allergiques** — @{aurelie} envoie la liste.\n\n#parents #ecole #allergie',
  "@{claire} confirmed the summer fair on 27 June. She'd like:\n\n- 300 mini croissants;\n- 10 plaited brioches;\n- **something for the children with allergies** — @{aurelie} is sending the list.\n\n#parents #school #allergy",
)
note(
  { d: '03-05', kind: 'praise', tp: 'shop', f: ['products', 'social'], src: 'v', s: 1 },
  "@{jacqueline} est revenue après six semaines chez @{chain} : « c'est moins cher, mais c'est de l'éponge ». Elle n'a rien dit à @{gerard}. #baguette #prix",
  "@{jacqueline} is back after six weeks at @{chain}: 'it's cheaper, but it's sponge'. She hasn't told @{gerard}. #baguette #price",
)
note(
  { d: '03-07', kind: 'anecdote', tp: 'event', f: ['creation', 'social'], src: 'o', s: 2, h: 9 },
  "Deuxième atelier levain : 12 personnes et une liste d'attente. @{etienne} a animé presque seul ; @{sophie} a pris les photos et @{lucas} écrit un article pour le journal du quartier. #atelier #levain",
  'Second sourdough workshop: 12 people and a waiting list. @{etienne} ran it almost on his own; @{sophie} took the photos and @{lucas} is writing a piece for the neighbourhood paper. #workshop #sourdough',
)
note(
  {
    d: '03-11',
    kind: 'complaint',
    tp: 'shop',
    f: ['habits'],
    src: 'v',
    s: -1,
    fu: [30, 25],
    h: 10,
  },
  "Samedi matin, la file allait jusqu'au trottoir ; @{nadia} est repartie sans rien acheter. #attente",
  'On Saturday morning the queue went out onto the pavement; @{nadia} left without buying anything. #queue',
)
note(
  {
    d: '03-14',
    kind: 'question',
    tp: 'email',
    f: ['places', 'social'],
    src: 'v',
    s: 1,
    fu: [10, 12],
  },
  "@{elodie} demande si on fournirait la cuisine du coworking pour le petit-déjeuner du vendredi. C'est @{cwManager} qui gère. #coworking #pro",
  "@{elodie} asked whether we'd supply the co-working kitchen for their Friday breakfast. @{cwManager} handles it. #coworking #wholesale",
)
note(
  { d: '03-17', kind: 'observation', tp: 'shop', f: ['products', 'habits'], src: 'v', s: 1 },
  'La @{breadMachine} de @{mathieu} est tombée en panne : « je ne la remplace pas ». Il prend maintenant un levain deux fois par semaine. #levain',
  "@{mathieu}'s @{breadMachine} has broken down: 'I'm not replacing it'. He now buys sourdough twice a week. #sourdough",
)
note(
  { d: '03-19', kind: 'praise', tp: 'phone', f: ['identity'], src: 'v', s: 2 },
  "@{agnes} a appelé juste pour dire que les étiquettes d'allergènes en gros caractères sont « une gentillesse ». #allergie",
  "@{agnes} phoned just to say the large-print allergen labels are 'a kindness'. #allergy",
)
note(
  { d: '03-22', kind: 'anecdote', tp: 'shop', f: ['social', 'know-how'], src: 'o', s: 1, h: 10 },
  'Le club @{runners} a pris son petit-déjeuner ici après la sortie : 18 coureurs, croissants et cafés, organisé par @{hugo}. @{coach} a fait un discours sur les glucides en regardant @{yannick}. #running',
  'The @{runners} had breakfast here after their run: 18 runners, croissants and coffee, organised by @{hugo}. @{coach} gave a speech about carbs while looking at @{yannick}. #running',
)
note(
  { d: '03-24', kind: 'observation', tp: 'shop', f: ['social', 'places'], src: 'v', s: 1 },
  "@{zoe} raconte qu'elle nous a découverts grâce au blog de @{blogger} l'été dernier, et qu'elle a ensuite entraîné @{emma}. #etudiant",
  "@{zoe} says she found us through @{blogger}'s blog last summer, and then dragged @{emma} along. #student",
)
note(
  { d: '03-26', kind: 'conversation', tp: 'phone', f: ['social'], src: 'v', s: 1 },
  '@{cwManager} confirme : le @{cafeLune} livrera le petit-déjeuner du vendredi aux Ateliers, avec nos croissants. @{marc} est ravi. #coworking #pro',
  '@{cwManager} confirmed: @{cafeLune} will deliver the Friday breakfast at Canal Works, with our croissants. @{marc} is delighted. #coworking #wholesale',
)
note(
  {
    d: '03-28',
    kind: 'complaint',
    tp: 'delivery',
    f: ['habits'],
    src: 'v',
    s: -2,
    fu: [1, 1],
    h: 8,
  },
  'Livraison du samedi chez @{marc} : dix croissants manquants ; il a dû refuser des clients au brunch. #pro #livraison',
  'Saturday delivery to @{marc}: ten croissants short; he had to turn brunch customers away. #wholesale #delivery',
)
note(
  { d: '03-30', kind: 'idea', tp: 'email', f: ['social'], src: 'v', s: 2, fu: [30, 45] },
  "@{sophie} propose une carte « amène un ami » : un tampon par nouvelle personne. « J'en aurais déjà rempli trois. » #fidelite",
  "@{sophie} suggests a 'bring a friend' card: one stamp for every new person you bring. 'I'd have filled three already.' #loyalty",
)

// ===== April 2026 =====
note(
  { d: '04-02', kind: 'observation', tp: 'other', f: ['know-how'], src: 'o', s: -1 },
  'Hausse confirmée par le @{mill} : +8 % sur toutes les farines. @{bernard} avait raison. #farine #prix',
  '@{mill} confirmed the rise: +8% on every flour. @{bernard} was right. #flour #price',
)
note(
  { d: '04-04', kind: 'praise', tp: 'email', f: ['social', 'products'], src: 'v', s: 2 },
  '@{aurelie} : pour la sortie scolaire de Noé, on a préparé six sandwichs sans gluten ; @{teacher} nous a remerciés par mail. #sansgluten #ecole',
  "@{aurelie}: for Noah's school trip we made six gluten-free sandwiches; @{teacher} emailed to thank us. #glutenfree #school",
)
note(
  { d: '04-05', kind: 'conversation', tp: 'shop', f: ['social', 'know-how'], src: 'v', s: 1, h: 7 },
  '@{gerard} a appris la hausse des farines par @{bernard} et, pour une fois : « alors vos prix se défendent ». Il a quand même dit à Bernard que @{chain} tient les siens. #prix',
  "@{gerard} heard about the flour rise from @{bernard} and, for once: 'then your prices are fair enough'. He still told Bernard that @{chain} is holding theirs. #price",
)
note(
  { d: '04-12', kind: 'anecdote', tp: 'event', f: ['habits', 'know-how'], src: 'v', s: 1 },
  'Marathon : @{hugo} a fini en 3 h 28, @{yannick} a abandonné au 30e kilomètre — « le mur ». Hugo remercie le levain. #running',
  "Marathon day: @{hugo} finished in 3:28; @{yannick} dropped out at mile 19 — 'hit the wall'. Hugh thanks the sourdough. #running",
)
note(
  { d: '04-08', kind: 'complaint', tp: 'website', f: ['identity'], src: 'v', s: -1, fu: [14, 16] },
  "@{pauline} : la page de précommande du site n'affiche pas les allergènes. #allergie #commande",
  "@{pauline}: the website pre-order page doesn't show allergens. #allergy #preorder",
)
note(
  {
    d: '04-10',
    kind: 'question',
    tp: 'shop',
    f: ['habits', 'identity'],
    src: 'v',
    s: 0,
    fu: [30, null],
    h: 8,
  },
  "@{thomas} demande si on pourrait ouvrir à 6 h 30 en semaine pour les soignants de nuit de l'hôpital. @{chain} ouvre à 6 h 30. #horaires",
  "@{thomas} asked if we could open at 6:30 on weekdays for the hospital's night staff. @{chain} opens at 6:30. #hours",
)
note(
  { d: '04-13', kind: 'praise', tp: 'shop', f: ['creation'], src: 'v', s: 2 },
  '@{valerie} a fait un album photo de sa « première année sans gluten », avec nos pains dedans ; elle nous en a offert un exemplaire. #sansgluten',
  "@{valerie} made a photo book of her 'first gluten-free year', with our loaves in it, and gave us a copy. #glutenfree",
)
note(
  { d: '04-16', kind: 'complaint', tp: 'shop', f: ['identity'], src: 'v', s: -1, fu: [7, 6] },
  "@{odile} a glissé sur la marche mouillée de l'entrée. Pas de mal, mais elle a eu peur.",
  '@{odile} slipped on the wet step at the entrance. Not hurt, but it gave her a fright.',
)
note(
  { d: '04-19', kind: 'observation', tp: 'shop', f: ['social'], src: 'o', s: 1, h: 9 },
  "@{julien} est venu avec @{mathieu} et @{antoine} après le footing des parents : les « coureurs de la sortie d'école » sont maintenant neuf. #running #parents",
  "@{julien} came in with @{mathieu} and @{antoine} after the parents' jog: the 'school-run runners' are nine now. #running #parents",
)
note(
  { d: '04-22', kind: 'idea', tp: 'shop', f: ['places'], src: 'v', s: 1, fu: [60, 50] },
  '@{lea} suggère une fontaine à eau et un arceau à vélos pour les coureurs du @{towpath}. #running',
  '@{lea} suggests a water fountain and a bike rack for the runners on the @{towpath}. #running',
)
note(
  { d: '04-25', kind: 'idea', tp: 'phone', f: ['products', 'social'], src: 'v', s: 2, fu: [20, 8] },
  '@{cheeseOwner} propose une dégustation commune au @{market} : son comté avec notre levain. #marche #levain',
  '@{cheeseOwner} suggests a joint tasting at the @{market}: her comté with our sourdough. #market #sourdough',
)
note(
  { d: '04-27', kind: 'observation', tp: 'shop', f: ['habits'], src: 'o', s: 0, h: 7 },
  "@{emma} en période d'examens : arrive à 7 h pour un café et un croissant, révise à la petite table. #etudiant",
  '@{emma} is in exam season: in at 7 for a coffee and a croissant, revising at the little table. #student',
)
note(
  { d: '04-28', kind: 'observation', tp: 'shop', f: ['habits', 'social'], src: 'o', s: 1 },
  '@{jacqueline} et @{monique} viennent maintenant ensemble après le @{bookclub} le mardi : Monique prend le pain sans gluten, Jacqueline une baguette. #lecture',
  '@{jacqueline} and @{monique} now come in together after the @{bookclub} on Tuesdays: Margaret takes the gluten-free loaf, Jean a baguette. #bookclub',
)
note(
  { d: '04-30', kind: 'praise', tp: 'social', f: ['products'], src: 'o', s: 2 },
  "@{blogger} a élu le @{cafeCoffee} « meilleur café du canal » — fait avec nos grains. @{marc} a affiché l'article. #cafe",
  "@{blogger} named the @{cafeCoffee} 'best coffee on the canal' — made with our beans. @{marc} has pinned the article up. #coffee",
)

// ===== May 2026 =====
note(
  { d: '05-02', kind: 'anecdote', tp: 'event', f: ['places', 'social'], src: 'o', s: 2, h: 11 },
  'Dégustation commune au @{market} avec @{cheeseOwner} : 60 personnes, plus un seul levain à 11 h. #marche #levain',
  'Joint tasting at the @{market} with @{cheeseOwner}: 60 people, and not a sourdough loaf left by 11. #market #sourdough',
)
note(
  { d: '05-06', kind: 'complaint', tp: 'shop', f: ['social'], src: 'v', s: -2, fu: [7, 3], h: 7 },
  "@{gerard} encore : la hausse des farines « n'explique pas tout ». Il conseillait @{chain} à @{josiane} assez fort pour qu'on l'entende. On l'a invité à visiter le fournil. #prix",
  "@{gerard} again: the flour rise 'doesn't explain everything'. He was recommending @{chain} to @{josiane} loud enough for us to hear. We invited him to visit the bakehouse. #price",
)
note(
  { d: '05-08', kind: 'observation', tp: 'event', f: ['places'], src: 'v', s: 1 },
  '@{sylvie} : la @{townhall} prépare une fête du canal en septembre et cherche des stands de producteurs du quartier. #marche',
  '@{sylvie}: the @{townhall} is planning a canal festival in September and wants stalls from local producers. #market',
)
note(
  {
    d: '05-09',
    kind: 'question',
    tp: 'phone',
    f: ['places', 'social'],
    src: 'v',
    s: 1,
    fu: [14, 10],
  },
  '@{francoise} demande si le @{bookclub} pourrait se réunir dans notre arrière-salle une fois par mois. #lecture',
  '@{francoise} asked whether the @{bookclub} could meet in our back room once a month. #bookclub',
)
note(
  { d: '05-09', kind: 'praise', tp: 'shop', f: ['habits'], src: 'v', s: 2, h: 10 },
  "La deuxième caisse du samedi marche : @{nadia} a chronométré, 4 minutes d'attente. #attente",
  'The second till on Saturdays works: @{nadia} timed it, a 4-minute wait. #queue',
)
note(
  {
    d: '05-12',
    kind: 'conversation',
    tp: 'shop',
    f: ['social', 'personalisation'],
    src: 'v',
    s: 1,
  },
  "@{claire} demande la liste des allergènes pour le 27 juin : le fils d'@{aurelie} et @{jeanne} mangent sans gluten. Elle a cité @{helene} dans la lettre de l'APE. #parents #sansgluten #allergie",
  "@{claire} asked for the allergen list for 27 June: @{aurelie}'s son and @{jeanne} both need gluten-free. She mentioned @{helene} in the PTA newsletter. #parents #glutenfree #allergy",
)
note(
  { d: '05-14', kind: 'conversation', tp: 'shop', f: ['products', 'habits'], src: 'v', s: 1 },
  '@{yannick} revient au pain après le marathon raté : « le coach avait raison ». Il a pris un levain et un croissant. #running #levain',
  "@{yannick} is back on bread after the failed marathon: 'the coach was right'. He bought a sourdough loaf and a croissant. #running #sourdough",
)
note(
  { d: '05-15', kind: 'praise', tp: 'shop', f: ['creation', 'social'], src: 'v', s: 2 },
  "Pots de levain d'@{etienne} : 64 vendus depuis février. Il propose de reverser l'argent à la kermesse de l'@{school}. #levain #parents",
  "@{etienne}'s starter jars: 64 sold since February. He suggests giving the money to the @{school} summer fair. #sourdough #parents",
)
note(
  {
    d: '05-18',
    kind: 'complaint',
    tp: 'shop',
    f: ['products'],
    src: 'v',
    s: -1,
    fu: [14, 12],
    h: 12,
  },
  "@{antoine} : la @{lunchBox} propose les trois mêmes sandwichs depuis janvier. « On s'ennuie. » #midi",
  "@{antoine}: the @{lunchBox} has had the same three sandwiches since January. 'It's boring.' #lunch",
)
note(
  {
    d: '05-22',
    kind: 'observation',
    tp: 'other',
    f: ['places', 'products'],
    src: 'o',
    s: -1,
    h: 12,
  },
  'Vu @{kevin} chez @{chain} à midi, carte de fidélité à la main. #midi',
  'Saw @{kevin} at @{chain} at lunchtime, loyalty card in hand. #lunch',
)
note(
  { d: '05-24', kind: 'praise', tp: 'shop', f: ['creation'], src: 'v', s: 2 },
  '@{lucas} a fini son roman ; la boulangerie est au chapitre 3, « sous un autre nom ». #lecture',
  "@{lucas} has finished his novel; the bakery is in chapter 3, 'under another name'. #bookclub",
)
note(
  { d: '05-25', kind: 'observation', tp: 'shop', f: ['identity', 'places'], src: 'v', s: 1 },
  '@{alice} a emménagé la semaine dernière au-dessus de la pharmacie et demande ce qui est bon ici. Repartie avec un @{levain} et la carte de @{newsletter}. #levain',
  "@{alice} moved in last week above the chemist and asked what's good here. Left with a @{levain} and a card for @{newsletter}. #sourdough",
)

// ===== The last five weeks: the vegan weak signal (and everything else) =====
note(
  { d: '05-27', kind: 'observation', tp: 'shop', f: ['products', 'habits'], src: 'o', s: 2 },
  "Lancement du @{veganCookie} aujourd'hui. @{manon} en a pris six et réclame un croissant vegan « pour la suite ». #vegan",
  "Launched the @{veganCookie} today. @{manon} bought six and is asking for a vegan croissant 'next'. #vegan",
)
note(
  {
    d: '05-29',
    kind: 'question',
    tp: 'social',
    f: ['identity', 'products'],
    src: 'v',
    s: 1,
    fu: [1, 1],
  },
  "@{zoe} demande sur @{instagram} si le cookie est vraiment vegan — ni beurre, ni œufs, ni miel ? Oui. Elle l'a partagé à ses 2 000 abonnés. #vegan #instagram",
  '@{zoe} asked on @{instagram} whether the cookie is really vegan — no butter, no eggs, no honey? Yes. She shared it with her 2,000 followers. #vegan #instagram',
)
note(
  {
    d: '06-01',
    kind: 'conversation',
    tp: 'shop',
    f: ['products', 'personalisation'],
    src: 'v',
    s: 1,
  },
  "@{romain} : « je prendrais la @{brioche} toutes les semaines s'il y en avait une vegan ». @{pauline} a approuvé. #vegan #brioche",
  "@{romain}: 'I'd buy the @{brioche} every week if there was a vegan one.' @{pauline} nodded. #vegan #brioche",
)
note(
  { d: '06-02', kind: 'praise', tp: 'shop', f: ['products'], src: 'v', s: 2, h: 12 },
  '@{maxime} aime la nouvelle rotation des sandwichs de la formule : « enfin ». #midi',
  "@{maxime} likes the new lunch-box sandwich rotation: 'at last'. #lunch",
)
note(
  {
    d: '06-03',
    kind: 'idea',
    tp: 'email',
    f: ['products', 'social'],
    src: 'v',
    s: 1,
    fu: [14, null],
  },
  '@{emma} suggère un sandwich vegan dans la @{lunchBox} — houmous, légumes rôtis. « La moitié du coworking le prendrait. » #vegan #midi',
  "@{emma} suggests a vegan sandwich in the @{lunchBox} — hummus, roasted vegetables. 'Half the co-working space would have it.' #vegan #lunch",
)
note(
  { d: '06-05', kind: 'anecdote', tp: 'shop', f: ['social'], src: 'o', s: 1, h: 13 },
  'Quatre cookies vegan sont partis à la table de @{maxime} ce midi ; même lui a goûté. #vegan #coworking',
  "Four vegan cookies went to @{maxime}'s table at lunch; even he tried one. #vegan #coworking",
)
note(
  {
    d: '06-08',
    kind: 'complaint',
    tp: 'shop',
    f: ['products'],
    src: 'v',
    s: -1,
    fu: [14, null],
    h: 7,
  },
  "@{gerard} : les nouveaux sacs « coûtent de l'argent qu'on lui fait payer ». Il veut revenir au sac kraft simple. #emballage #prix",
  "@{gerard}: the new bags 'cost money that he ends up paying'. He wants the plain brown bag back. #packaging #price",
)
note(
  {
    d: '06-09',
    kind: 'question',
    tp: 'phone',
    f: ['identity', 'products'],
    src: 'v',
    s: 1,
    fu: [1, 0],
  },
  '@{pauline} demande si le @{gfLoaf} est aussi vegan. Oui : sarrasin, eau, sel, levain. #vegan #sansgluten',
  '@{pauline} asked whether the @{gfLoaf} is vegan too. Yes: buckwheat, water, salt, starter. #vegan #glutenfree',
)
note(
  { d: '06-11', kind: 'praise', tp: 'shop', f: ['places'], src: 'v', s: 2, h: 9 },
  "L'arceau à vélos est installé ; @{lea} et @{hugo} l'ont inauguré après leur sortie. #running",
  'The bike rack is in; @{lea} and @{hugo} christened it after their run. #running',
)
note(
  { d: '06-12', kind: 'observation', tp: 'social', f: ['social', 'products'], src: 'o', s: 2 },
  "Le post du @{veganCookie} est notre publication la plus aimée sur @{instagram} (410 j'aime). Les commentaires réclament un croissant vegan. #vegan #instagram",
  'The @{veganCookie} post is our most-liked ever on @{instagram} (410 likes). The comments ask for a vegan croissant. #vegan #instagram',
)
note(
  { d: '06-13', kind: 'anecdote', tp: 'delivery', f: ['identity', 'social'], src: 'o', s: 2 },
  "90 ans d'@{agnes} : le livreur lui a apporté, avec son pain, des fleurs de la part de @{valerie}. #anniversaire",
  "@{agnes}'s 90th birthday: along with her bread, the rider brought her flowers from @{valerie}. #birthday",
)
note(
  {
    d: '06-15',
    kind: 'complaint',
    tp: 'shop',
    f: ['products', 'habits'],
    src: 'v',
    s: -1,
    fu: [7, 5],
    h: 11,
  },
  '@{manon} est déçue : plus de cookies vegan à 11 h. #vegan',
  '@{manon} is disappointed: no vegan cookies left by 11. #vegan',
)
note(
  { d: '06-16', kind: 'conversation', tp: 'shop', f: ['social', 'places'], src: 'o', s: 1 },
  '@{alice} est passée trois fois cette semaine. Elle vient de prendre un poste aux @{cwSpace}, où @{sophie} lui a déjà tout fait visiter. #coworking',
  "@{alice} came in three times this week. She's just taken a desk at @{cwSpace}, where @{sophie} has already shown her round. #coworking",
)
note(
  { d: '06-20', kind: 'conversation', tp: 'event', f: ['know-how', 'products'], src: 'v', s: 1 },
  'Au @{market}, @{cheeseOwner} dit que ses « fromages » végétaux à base de noix de cajou sont la ligne qui progresse le plus : « les jeunes passent au vegan ». #vegan #marche',
  "At the @{market}, @{cheeseOwner} says her cashew-based 'cheeses' are her fastest-growing line: 'the young ones are going vegan'. #vegan #market",
)
note(
  { d: '06-19', kind: 'question', tp: 'website', f: ['social'], src: 'v', s: 1, fu: [5, 3] },
  '@{elodie} demande une boîte de 40 viennoiseries pour les deux ans des @{cwSpace}. #coworking #viennoiserie',
  "@{elodie} asked for a box of 40 pastries for @{cwSpace}'s second birthday. #coworking #pastry",
)
note(
  { d: '06-20', kind: 'question', tp: 'shop', f: ['social'], src: 'v', s: 1, fu: [6, 5] },
  "@{claire} : peut-on prévoir une option vegan à la kermesse ? Trois familles l'ont demandé. #vegan #parents",
  '@{claire}: could we have a vegan option at the summer fair? Three families asked. #vegan #parents',
)
note(
  { d: '06-21', kind: 'idea', tp: 'shop', f: ['creation'], src: 'v', s: 2, fu: [7, null] },
  '@{sophie} propose de dessiner une étiquette « végétal » pour la gamme vegan, dans le style des sacs. #vegan #emballage',
  "@{sophie} offers to design a 'plant-based' label for the vegan range, in the style of the bags. #vegan #packaging",
)
note(
  { d: '06-23', kind: 'observation', tp: 'shop', f: ['habits'], src: 'o', s: 1, h: 9 },
  "Le club fait sa pause d'été, mais @{hugo} passe toujours le dimanche après sa sortie. #running",
  'The club is on its summer break, but @{hugo} still comes in on Sundays after his run. #running',
)
note(
  { d: '06-24', kind: 'observation', tp: 'shop', f: ['social', 'habits'], src: 'v', s: 1 },
  "@{lucas} et @{elodie} : « la moitié du coworking est passée au vegan depuis janvier ». Ils ont pris six cookies pour l'équipe. #vegan #coworking",
  "@{lucas} and @{elodie}: 'half the co-working space has gone vegan since January'. They took six cookies for the team. #vegan #coworking",
)
note(
  { d: '06-26', kind: 'question', tp: 'phone', f: ['habits'], src: 'v', s: 0, fu: 'open' },
  "@{marc} demande nos dates de fermeture d'été : il doit organiser l'approvisionnement du @{cafeLune} en août. #pro #horaires",
  "@{marc} asked for our summer closing dates: he needs to plan @{cafeLune}'s supply for August. #wholesale #hours",
)
note(
  { d: '06-27', kind: 'anecdote', tp: 'event', f: ['social', 'creation'], src: 'o', s: 2, h: 16 },
  "Kermesse de l'@{school} : 300 mini-croissants partis à 16 h, et les cookies vegan avant eux. @{claire}, @{nadia} et @{isabelle} tenaient le stand ; @{teacher} est venue nous remercier. #parents #vegan #ecole",
  'The @{school} summer fair: 300 mini croissants gone by 4 p.m., and the vegan cookies before them. @{claire}, @{nadia} and @{isabelle} ran the stall; @{teacher} came over to thank us. #parents #vegan #school',
)
note(
  { d: '06-29', kind: 'idea', tp: 'shop', f: ['creation', 'know-how'], src: 'v', s: 2 },
  "@{etienne} imagine un atelier levain d'été pour les enfants, avec l'APE de @{claire}. #atelier #enfants",
  "@{etienne} is dreaming up a summer sourdough workshop for children, with @{claire}'s PTA. #workshop #kids",
)

// ---------------------------------------------------------------------------------------------
// Purchases (passive knowledge): a year of till receipts, drawn from the seed.
// ---------------------------------------------------------------------------------------------

/** What the shop sells, in cents. Trade lines are the wholesale prices. */
const CATALOGUE = {
  baguette: { fr: 'Baguette tradition', en: 'Traditional baguette', price: 130 },
  halfBaguette: { fr: 'Demi-baguette', en: 'Half baguette', price: 70 },
  levain: { fr: 'Pain au levain', en: 'Sourdough loaf', price: 580 },
  halfLevain: { fr: 'Demi-levain', en: 'Half sourdough loaf', price: 300 },
  seigle: { fr: 'Pain de seigle', en: 'Rye loaf', price: 490 },
  croissant: { fr: 'Croissant', en: 'Croissant', price: 140 },
  painChoc: { fr: 'Pain au chocolat', en: 'Pain au chocolat', price: 150 },
  miniCroissant: { fr: 'Mini-croissant', en: 'Mini croissant', price: 60 },
  gfLoaf: { fr: 'Pain sans gluten', en: 'Gluten-free loaf', price: 650 },
  halfGf: { fr: 'Demi-pain sans gluten', en: 'Half gluten-free loaf', price: 340 },
  brioche: { fr: 'Brioche tressée', en: 'Plaited brioche', price: 790 },
  gfBrioche: { fr: 'Brioche cœur sans gluten', en: 'Gluten-free heart brioche', price: 1200 },
  tartSlice: { fr: 'Part de tarte', en: 'Slice of tart', price: 380 },
  tartWhole: { fr: 'Tarte aux fruits (6 parts)', en: 'Fruit tart (serves 6)', price: 2400 },
  galette: {
    fr: 'Galette des rois (6 parts)',
    en: 'Twelfth Night galette (serves 6)',
    price: 2200,
  },
  gfGalette: { fr: 'Petite galette sans gluten', en: 'Small gluten-free galette', price: 1200 },
  buche: { fr: 'Bûche de Noël (6 parts)', en: 'Yule log (serves 6)', price: 3800 },
  buche12: { fr: 'Bûche de Noël (12 parts)', en: 'Yule log (serves 12)', price: 7200 },
  gfBuche: {
    fr: 'Bûche sans gluten (8 parts)',
    en: 'Gluten-free Yule log (serves 8)',
    price: 4600,
  },
  coffeeBeans: { fr: 'Café en grains 250 g', en: 'Coffee beans 250 g', price: 850 },
  coffee: { fr: 'Café', en: 'Coffee', price: 180 },
  lunchBox: { fr: 'Formule midi', en: 'Lunch box', price: 950 },
  bananaBread: { fr: 'Part de cake à la banane', en: 'Slice of banana bread', price: 320 },
  starterJar: { fr: 'Pot de levain', en: 'Jar of starter', price: 300 },
  veganCookie: { fr: 'Cookie vegan', en: 'Vegan cookie', price: 250 },
  tradeCroissant: { fr: 'Croissant (prix pro)', en: 'Croissant (trade)', price: 95 },
  tradeLevain: { fr: 'Pain au levain (prix pro)', en: 'Sourdough loaf (trade)', price: 420 },
  tradeBaguette: { fr: 'Baguette (prix pro)', en: 'Baguette (trade)', price: 95 },
  tradeBeans: {
    fr: 'Café en grains 250 g (prix pro)',
    en: 'Coffee beans 250 g (trade)',
    price: 680,
  },
}
const BAGUETTE_RISE = at('11-24', 0)
function unitPrice(item, ms) {
  if (item === 'baguette' && ms < BAGUETTE_RISE) return 120
  if (item === 'halfBaguette' && ms < BAGUETTE_RISE) return 65
  return CATALOGUE[item].price
}

const FIRST_DAY = at('2025-07-01', 0)
const LAST_DAY = at('2026-06-30', 0)
const VEGAN_LAUNCH = at('05-27', 0)
const JARS_LAUNCH = at('02-11', 0)
const BANANA_LAUNCH = at('12-01', 0)

function closed(ms) {
  const day = localDay(ms)
  if (localWeekday(ms) === 1) return true // closed on Mondays
  if (day >= '2025-08-04' && day <= '2025-08-17') return true // summer holidays
  return ['2025-12-25', '2026-01-01', '2026-05-01'].includes(day)
}
/** The day itself if the shop is open, else the last open day before it ('MM-DD' or ISO). */
function openDay(day) {
  let ms = at(day, 12)
  while (closed(ms)) ms -= DAY
  return localDay(ms)
}
const inJanuary = (ms) => localDay(ms).slice(5, 7) === '01' && localDay(ms) >= '2026-01-02'
const beforeChristmas = (ms) => localDay(ms) >= '2025-12-18' && localDay(ms) <= '2025-12-24'

/** Basket makers: (stream, day) → [[item, quantity], …]. */
const BASKETS = {
  baguette: (r) => [['baguette', chance(r, 0.12) ? 2 : 1]],
  family: (r, d) => {
    const items = []
    if (chance(r, 0.55)) items.push(['levain', 1])
    else items.push(['baguette', randInt(r, 2, 3)])
    if (chance(r, 0.55)) items.push(['croissant', randInt(r, 2, 5)])
    if (chance(r, 0.4)) items.push(['painChoc', randInt(r, 2, 4)])
    const wd = localWeekday(d)
    if ((wd === 0 || wd === 6) && chance(r, 0.45)) items.push(['brioche', 1])
    if ((wd === 0 || wd === 6) && chance(r, 0.12)) items.push(['tartWhole', 1])
    if (inJanuary(d) && chance(r, 0.2)) items.push(['galette', 1])
    return items
  },
  sourdough: (r, d) => {
    const items = [[chance(r, 0.75) ? 'levain' : 'halfLevain', 1]]
    if (chance(r, 0.3)) items.push(['croissant', randInt(r, 1, 2)])
    if (chance(r, 0.08)) items.push(['coffeeBeans', 1])
    if (d >= JARS_LAUNCH && chance(r, 0.04)) items.push(['starterJar', 1])
    if (inJanuary(d) && chance(r, 0.08)) items.push(['galette', 1])
    return items
  },
  lunch: (r, d) => {
    const items = [['lunchBox', 1]]
    if (chance(r, 0.4)) items.push(['coffee', 1])
    if (d >= VEGAN_LAUNCH && chance(r, 0.2)) items.push(['veganCookie', 1])
    return items
  },
  student: (r, d) => {
    const late = d >= at('12-24', 0)
    const items = [
      [
        pick(
          r,
          late
            ? ['baguette', 'baguette', 'painChoc']
            : ['painChoc', 'croissant', 'painChoc', 'baguette'],
        ),
        1,
      ],
    ]
    if (chance(r, 0.3)) items.push(['coffee', 1])
    if (d >= VEGAN_LAUNCH && chance(r, 0.45)) items.push(['veganCookie', randInt(r, 1, 2)])
    return items
  },
  gf: (r) => {
    const items = [['gfLoaf', 1]]
    if (chance(r, 0.1)) items.push(['tartSlice', 1])
    return items
  },
  early: () => [
    ['halfBaguette', 1],
    ['painChoc', 1],
  ],
  runner: (r, d) => {
    const items = [
      ['croissant', 1],
      ['coffee', 1],
    ]
    if (chance(r, 0.3)) items.push(['levain', 1])
    if (d >= BANANA_LAUNCH && chance(r, 0.15)) items.push(['bananaBread', 1])
    return items
  },
  coffeeOnly: () => [['coffee', 1]],
  pastry: (r) => {
    const items = [['painChoc', 1]]
    if (chance(r, 0.5)) items.push(['coffee', 1])
    return items
  },
  bookclub: (r, d) => {
    const items = [[pick(r, ['baguette', 'baguette', 'halfLevain', 'seigle']), 1]]
    if (chance(r, 0.2)) items.push(['tartSlice', 1])
    if (inJanuary(d) && chance(r, 0.1)) items.push(['galette', 1])
    return items
  },
  vegan: (r, d) => {
    const items = [[pick(r, ['baguette', 'halfLevain', 'levain']), 1]]
    if (d >= VEGAN_LAUNCH && chance(r, 0.75)) items.push(['veganCookie', randInt(r, 2, 4)])
    return items
  },
}

/**
 * Who buys what and how often. perWeek: expected visits per open week; phases change the
 * pattern over time; gaps are periods with no purchase. Dates are inclusive, local days.
 */
const PROFILES = {
  claire: { from: '2025-07-01', perWeek: 1.8, basket: 'family', hours: [8, 18] },
  julien: { from: '2025-07-01', perWeek: 1.5, basket: 'sourdough' },
  nadia: { from: '2025-07-01', perWeek: 1.3, basket: 'family', hours: [8, 18] },
  isabelle: { from: '2025-07-01', perWeek: 2.8, basket: 'family', hours: [8, 10] },
  thomas: { from: '2025-07-01', perWeek: 1.3, basket: 'early', hours: [6.7, 7.2] },
  aurelie: { from: '2025-09-05', perWeek: 1.3, basket: 'gf' },
  sandrine: { from: '2025-07-01', perWeek: 1.4, basket: 'family' },
  mathieu: {
    from: '2025-07-01',
    perWeek: 0.8,
    basket: 'sourdough',
    phases: [{ from: '2026-03-17', perWeek: 2 }],
  },
  lea: { from: '2025-07-01', perWeek: 1.4, basket: 'runner', hours: [7, 10] },
  antoine: { from: '2025-07-01', perWeek: 1.8, basket: 'lunch', hours: [12, 13.5] },
  chloe: { from: '2025-10-17', perWeek: 1.3, basket: 'gf' },
  hugo: { from: '2025-07-01', perWeek: 1.3, basket: 'runner', hours: [7, 10] },
  manon: {
    from: '2025-07-01',
    perWeek: 0.7,
    basket: 'vegan',
    phases: [{ from: '2026-05-27', perWeek: 2.2 }],
  },
  yannick: {
    from: '2025-07-01',
    perWeek: 1.5,
    basket: 'runner',
    hours: [7, 10],
    phases: [
      { from: '2025-10-23', perWeek: 0.8, basket: 'coffeeOnly' },
      { from: '2026-05-14', perWeek: 1.5, basket: 'runner' },
    ],
  },
  sophie: { from: '2025-07-01', perWeek: 2.4, basket: 'sourdough', web: 0.1 },
  maxime: { from: '2025-07-01', perWeek: 2.2, basket: 'lunch', hours: [12, 13.5] },
  pauline: {
    from: '2025-07-01',
    perWeek: 0.8,
    basket: 'pastry',
    phases: [{ from: '2025-11-08', perWeek: 1.3, basket: 'gf' }],
  },
  romain: { from: '2025-10-30', perWeek: 1.2, basket: 'vegan' },
  elodie: { from: '2025-09-06', perWeek: 1.4, basket: 'sourdough', web: 0.1 },
  kevin: { from: '2025-07-01', to: '2026-02-09', perWeek: 2.6, basket: 'lunch', hours: [12, 13.5] },
  lucas: { from: '2025-10-30', perWeek: 2, basket: 'pastry', hours: [7.5, 9] },
  gerard: { from: '2025-07-01', perWeek: 2.6, basket: 'baguette', hours: [7, 7.3] },
  monique: { from: '2025-11-03', perWeek: 1, basket: 'gf', weekdays: [2] },
  francoise: { from: '2025-07-01', perWeek: 1.3, basket: 'bookclub' },
  bernard: { from: '2025-07-01', perWeek: 1.2, basket: 'sourdough' },
  jacqueline: {
    from: '2025-07-01',
    perWeek: 1.6,
    basket: 'bookclub',
    gaps: [['2026-01-20', '2026-03-04']],
  },
  odile: { from: '2025-07-01', perWeek: 1.2, basket: 'bookclub' },
  etienne: { from: '2025-07-01', perWeek: 1.1, basket: 'sourdough' },
  valerie: { from: '2025-07-15', perWeek: 1.3, basket: 'gf' },
  patrick: { from: '2025-08-20', to: '2026-01-31', perWeek: 0.7, basket: 'gf' },
  agnes: { from: '2025-11-12', perWeek: 1, basket: 'gf', weekdays: [2], delivery: '2025-11-25' },
  baptiste: { from: '2025-12-08', perWeek: 1, basket: 'gf' },
  emma: { from: '2025-08-25', perWeek: 1.5, basket: 'student', hours: [7, 9] },
  nathan: { from: '2025-07-01', to: '2025-12-23', perWeek: 2, basket: 'student', hours: [7, 9] },
  zoe: { from: '2025-07-10', perWeek: 1.3, basket: 'student' },
  josiane: { from: '2025-07-01', perWeek: 2.2, basket: 'baguette', hours: [7.5, 9] },
  alice: { from: '2026-05-25', perWeek: 2.5, basket: 'sourdough' },
  victor: { from: '2025-07-01', to: '2025-11-01', perWeek: 1, basket: 'sourdough', weekdays: [6] },
}

/** One-off purchases that the notes talk about. [customer, day, hour, items, channel?] */
const SPECIAL_PURCHASES = [
  ['claire', '10-17', 17, [['miniCroissant', 200]], 'phone'],
  [
    'claire',
    '06-26',
    17,
    [
      ['miniCroissant', 300],
      ['brioche', 10],
      ['veganCookie', 40],
    ],
    'phone',
  ],
  ['claire', '01-03', 9, [['galette', 1]]],
  ['isabelle', '12-20', 10, [['buche12', 1]], 'website'],
  [
    'hugo',
    '03-22',
    10,
    [
      ['croissant', 18],
      ['coffee', 18],
    ],
  ],
  [
    'francoise',
    '01-13',
    10,
    [
      ['galette', 2],
      ['gfGalette', 1],
    ],
    'phone',
  ],
  ['baptiste', '12-18', 17, [['gfBuche', 1]], 'phone'],
  ['josiane', '12-20', 8, [['buche', 2]]],
  ['thomas', '12-22', 8, [['buche', 1]], 'website'],
  [
    'nathan',
    '12-23',
    8,
    [
      ['levain', 1],
      ['painChoc', 1],
    ],
  ],
  ['antoine', '02-13', 17, [['gfBrioche', 1]], 'phone'],
  [
    'elodie',
    '06-22',
    9,
    [
      ['croissant', 20],
      ['painChoc', 20],
    ],
    'website',
  ],
  ['manon', '05-27', 11, [['veganCookie', 6]]],
  ['alice', '05-25', 10, [['levain', 1]]],
]

const CHANNEL_NAMES = {
  shop: { fr: 'boutique', en: 'shop' },
  website: { fr: 'précommande en ligne', en: 'website pre-order' },
  delivery: { fr: 'livraison', en: 'delivery' },
  phone: { fr: 'commande par téléphone', en: 'phone order' },
}

function hourAt(day, r, [lo, hi] = [8, 19]) {
  const h = lo + rand(r) * (hi - lo)
  const hh = Math.floor(h)
  return at(day, hh, Math.floor((h - hh) * 60))
}

function buildPurchases() {
  const purchases = [] // { customer, at, items: [[item, qty]], channel }
  const days = []
  for (let d = FIRST_DAY; d <= LAST_DAY; d += DAY) days.push(localDay(d + 12 * 3_600_000))

  for (const [key, p] of Object.entries(PROFILES)) {
    const r = `tx:${key}`
    for (const day of days) {
      if (day < p.from || (p.to && day > p.to)) continue
      const noon = at(day, 12)
      if (closed(noon)) continue
      if (p.gaps?.some(([a, b]) => day >= a && day <= b)) continue
      let phase = p
      for (const ph of p.phases ?? []) if (day >= ph.from) phase = { ...phase, ...ph }
      if (p.weekdays && !p.weekdays.includes(localWeekday(noon))) continue
      const prob = p.weekdays ? Math.min(0.97, phase.perWeek) : phase.perWeek / 6
      if (!chance(r, prob)) continue
      const when = hourAt(day, r, p.hours)
      const items = BASKETS[phase.basket ?? p.basket](r, when)
      if (
        beforeChristmas(when) &&
        ['family', 'sourdough', 'bookclub'].includes(p.basket) &&
        chance(r, 0.25)
      ) {
        items.push(['buche', 1])
      }
      let ch = 'shop'
      if (p.delivery && day >= p.delivery) ch = 'delivery'
      else if (p.web && chance(r, p.web)) ch = 'website'
      purchases.push({ customer: key, at: when, items, channel: ch })
    }
  }

  // The Garnier family's Friday pre-order, and the odd Saturday delivery.
  for (const day of days) {
    const noon = at(day, 12)
    if (closed(noon) || day < '2025-06-27') continue
    const wd = localWeekday(noon)
    if (wd === 5) {
      purchases.push({
        customer: 'isabelle',
        at: hourAt(day, 'tx:isabelle-web', [8, 8.8]),
        channel: 'website',
        items: [
          ['levain', 2],
          ['brioche', 1],
          ['croissant', 6],
          ['painChoc', 6],
        ],
      })
    }
    if (wd === 6 && chance('tx:isabelle-web', 0.25)) {
      purchases.push({
        customer: 'isabelle',
        at: hourAt(day, 'tx:isabelle-web', [8.5, 9.5]),
        channel: 'delivery',
        items: [
          ['levain', 1],
          ['brioche', 1],
          ['croissant', 8],
        ],
      })
    }
    // Valérie's Tuesday delivery, shared with Agnès from the end of January.
    if (wd === 2 && day >= '2026-01-27') {
      purchases.push({
        customer: 'valerie',
        at: hourAt(day, 'tx:valerie-del', [9, 9.5]),
        channel: 'delivery',
        items: [['gfLoaf', 1]],
      })
    }
    // Hugo's croissants for the running club, first Sunday of the month.
    if (wd === 0 && Number(day.slice(8)) <= 7) {
      purchases.push({
        customer: 'hugo',
        at: at(day, 8, 5),
        channel: 'shop',
        items: [['croissant', 24]],
      })
    }
    // Café Lune: Tuesday, Thursday, Saturday before 7, by bike.
    if (wd === 2 || wd === 4 || wd === 6) {
      const items = [
        ['tradeCroissant', wd === 6 && day >= '2025-12-01' ? 60 : 30],
        ['tradeLevain', 15],
        ['tradeBaguette', 20],
      ]
      if (wd === 2 && day >= '2026-01-13') items.push(['tradeBeans', 10])
      if (wd === 6 && day === '2026-03-28') items[0][1] = 50 // ten short (see the complaint of 27 March)
      purchases.push({
        customer: 'marc',
        at: hourAt(day, 'tx:marc', [6.2, 6.7]),
        channel: 'delivery',
        items,
      })
    }
    // The late-night grocery: about twenty baguettes, Tuesday to Saturday, collected at 5 p.m.
    if (day >= '2025-10-01' && wd >= 2 && wd <= 6) {
      purchases.push({
        customer: 'rachid',
        at: hourAt(day, 'tx:rachid', [17, 17.3]),
        channel: 'shop',
        items: [['tradeBaguette', randInt('tx:rachid', 16, 24)]],
      })
    }
  }
  for (const [customer, day, hour, items, channel = 'shop'] of SPECIAL_PURCHASES) {
    purchases.push({
      customer,
      at: at(openDay(day), hour, randInt('tx:special', 0, 50)),
      items,
      channel,
    })
  }
  // Isabelle's pre-order of 30 January went through twice; the double was refunded that day.
  const dup = purchases.find(
    (p) => p.customer === 'isabelle' && localDay(p.at) === '2026-01-30' && p.channel === 'website',
  )
  if (!dup) throw new Error('expected the Friday pre-order of 30 January')
  purchases.push({ ...dup, at: dup.at + 40_000 })
  purchases.push({ ...dup, at: at('01-30', 15, 40), refund: true })

  const latest = ANCHOR - 15 * 60_000
  return purchases
    .filter((p) => p.at <= latest)
    .sort((a, b) => a.at - b.at || a.customer.localeCompare(b.customer))
}

// ---------------------------------------------------------------------------------------------
// Rendering the world in one language
// ---------------------------------------------------------------------------------------------

const MENTION_RE = /@\{([A-Za-z]+)\}/g

function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')
}
function digits(key, n) {
  const r = mulberry32(
    [...key].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, SEED),
  )
  let out = ''
  for (let i = 0; i < n; i++) out += Math.floor(r() * 10)
  return out
}
function contactFor(e, lang) {
  const c = e.contact
  if (!c) return undefined
  const name = e.name[lang]
  const out = { emails: [], phones: [] }
  if (c.email) out.emails.push(`${slug(name)}@${lang === 'fr' ? 'example.org' : 'example.com'}`)
  if (c.phone) {
    const d = digits(e.key, 4)
    out.phones.push(
      lang === 'fr' ? `06 39 98 ${d.slice(0, 2)} ${d.slice(2)}` : `07700 900${d.slice(0, 3)}`,
    )
  }
  if (c.address) out.address = c.address[lang]
  if (c.birthday) out.birthday = c.birthday
  if (c.organisation) out.organisation = c.organisation[lang]
  if (c.website)
    out.website = `https://${slug(name).replace(/\./g, '-')}.${lang === 'fr' ? 'example.org' : 'example.com'}`
  return out
}

/** Everything that does not depend on the language: ids, dates, links, follow-ups, amounts. */
function buildSkeleton() {
  for (const e of ENTITIES) e.id = makeId(`entity:${e.key}`)

  // Notes: when, about whom, follow-ups.
  const notes = NOTES.map((n, i) => {
    const day = ['email', 'website', 'social', 'other'].includes(n.tp) ? n.d : openDay(n.d)
    const hour =
      n.h ??
      {
        shop: 9 + (i % 9),
        event: 11,
        phone: 10 + (i % 7),
        email: 20,
        website: 21,
        social: 19,
        delivery: 8,
        other: 13,
      }[n.tp]
    const when = at(day, hour, (i * 17) % 60)
    const mentions = { fr: [], en: [] }
    for (const lang of LANGS) {
      for (const m of n.text[lang].matchAll(MENTION_RE)) {
        if (!BY_KEY.has(m[1])) throw new Error(`note ${n.d}: unknown mention @{${m[1]}} (${lang})`)
        if (!mentions[lang].includes(m[1])) mentions[lang].push(m[1])
      }
    }
    if ([...mentions.fr].sort().join() !== [...mentions.en].sort().join()) {
      throw new Error(
        `note ${n.d}: mentions differ between fr and en: ${mentions.fr} / ${mentions.en}`,
      )
    }
    const tagsByLang = {}
    for (const lang of LANGS) tagsByLang[lang] = inlineTags(n.text[lang])
    const expectedFr = tagsByLang.en.map((t) => tagIn('fr', t))
    if (expectedFr.sort().join() !== [...tagsByLang.fr].sort().join()) {
      throw new Error(
        `note ${n.d}: tags differ: en ${tagsByLang.en} → ${expectedFr} vs fr ${tagsByLang.fr}`,
      )
    }
    const about = [...mentions.en]
    if (n.main && !about.includes(n.main)) about.unshift(n.main)
    const createdAt = Math.min(when + (10 + ((i * 37) % 200)) * 60_000, ANCHOR - 60_000)
    let followUp
    let updatedAt = createdAt
    if (n.fu === 'open') followUp = {}
    else if (n.fu) {
      const [dueDays, doneDays] = n.fu
      followUp = { due: at(localDay(when), 18) + dueDays * DAY }
      if (doneDays !== null) {
        followUp.doneAt = Math.max(
          createdAt + 3_600_000,
          at(localDay(when), 17, 30) + doneDays * DAY,
        )
        updatedAt = followUp.doneAt
      }
    }
    if (followUp && !['complaint', 'question', 'idea'].includes(n.kind)) {
      throw new Error(`note ${n.d}: follow-up on a ${n.kind}`)
    }
    return {
      key: `note:${n.d}:${i}`,
      src: n,
      id: makeId(`note:${n.d}:${i}`),
      at: when,
      about,
      enTags: tagsByLang.en,
      createdAt,
      updatedAt,
      followUp,
    }
  })

  notes.sort((a, b) => a.at - b.at)

  // Ties: evidence is every note about both ends.
  const ties = TIES.map((t) => {
    const from = BY_KEY.get(t.from)
    const to = BY_KEY.get(t.to)
    const evidence = notes.filter((n) => n.about.includes(t.from) && n.about.includes(t.to))
    return {
      src: t,
      id: makeId(`tie:${t.from}:${t.type}:${t.to}`),
      from,
      to,
      evidence,
      since: at(t.since, 12),
    }
  })

  const purchases = buildPurchases()

  // Entity dates: present from the start, or created the first time they show up.
  const firstSeen = new Map()
  const see = (key, ms) => {
    if (!firstSeen.has(key) || ms < firstSeen.get(key)) firstSeen.set(key, ms)
  }
  for (const n of notes) for (const k of n.about) see(k, n.createdAt)
  for (const p of purchases) see(p.customer, p.at)
  ENTITIES.forEach((e, i) => {
    const first = firstSeen.get(e.key)
    e.createdAt =
      first === undefined || first < NOTEBOOK_START + 30 * DAY
        ? NOTEBOOK_START + i * 97_000
        : first - 5 * 60_000
    const noteTimes = notes.filter((n) => n.about.includes(e.key)).map((n) => n.createdAt)
    e.updatedAt = Math.max(e.createdAt, ...noteTimes, e.stageOverride?.at ?? 0)
  })
  for (const t of ties) {
    const base = Math.max(t.from.createdAt, t.to.createdAt, Math.min(t.since, ANCHOR - DAY))
    t.createdAt = t.evidence.length ? Math.max(base, t.evidence[0].createdAt) : base + 60_000
    t.updatedAt = Math.max(t.createdAt, ...t.evidence.map((n) => n.createdAt))
  }

  // Purchases: ids and till references.
  let pos = 0
  let web = 0
  const transactions = purchases.map((p) => {
    const ref =
      p.channel === 'website'
        ? `WEB-${String(++web).padStart(5, '0')}`
        : `POS-${String(++pos).padStart(6, '0')}`
    return { ...p, id: makeId(`tx:${ref}`), externalRef: ref }
  })

  const consents = CONSENTS.map((c) => ({
    ...c,
    id: makeId(`consent:${c.who}:${c.purpose}:${c.d}`),
    at: at(c.d, c.h ?? 11),
  }))

  return { notes, ties, transactions, consents }
}

/** The consent log: purpose, given or withdrawn, when and how. */
const PURPOSES = {
  newsletter: { fr: 'newsletter', en: 'newsletter' },
  photos: { fr: 'photos sur les réseaux sociaux', en: 'photos on social media' },
  birthday: { fr: "rappels d'anniversaire", en: 'birthday reminders' },
}
const HOW = {
  counterForm: { fr: 'formulaire papier au comptoir', en: 'paper form at the counter' },
  inPerson: { fr: 'de vive voix, au comptoir', en: 'in person, at the counter' },
  websiteForm: { fr: 'case cochée sur le site', en: 'tick box on the website' },
  email: { fr: 'par mail', en: 'by email' },
  phone: { fr: 'par téléphone', en: 'by phone' },
  dm: { fr: 'message Instagram', en: 'Instagram message' },
  workshopForm: { fr: "formulaire signé à l'atelier", en: 'form signed at the workshop' },
}
const CONSENTS = [
  { who: 'sophie', purpose: 'photos', given: true, d: '07-09', how: 'inPerson' },
  { who: 'gerard', purpose: 'newsletter', given: true, d: '07-05', how: 'counterForm' },
  { who: 'claire', purpose: 'newsletter', given: true, d: '09-02', how: 'counterForm' },
  { who: 'valerie', purpose: 'newsletter', given: true, d: '08-29', how: 'email' },
  { who: 'isabelle', purpose: 'birthday', given: true, d: '10-02', how: 'websiteForm' },
  { who: 'gerard', purpose: 'newsletter', given: false, d: '10-12', how: 'email' },
  { who: 'etienne', purpose: 'photos', given: true, d: '10-25', how: 'workshopForm' },
  { who: 'zoe', purpose: 'photos', given: true, d: '12-01', how: 'dm' },
  { who: 'agnes', purpose: 'birthday', given: true, d: '12-27', how: 'phone' },
  { who: 'zoe', purpose: 'photos', given: false, d: '03-10', how: 'email' },
  { who: 'hugo', purpose: 'photos', given: true, d: '03-22', how: 'inPerson' },
  { who: 'alice', purpose: 'newsletter', given: true, d: '05-25', how: 'counterForm' },
]

function renderText(text, lang) {
  return text.replace(MENTION_RE, (_, key) => {
    const e = BY_KEY.get(key)
    return `[@${e.name[lang]}](carnet:entity/${e.id})`
  })
}

function render(lang, sk) {
  const entities = ENTITIES.map((e) => {
    const out = {
      id: e.id,
      kind: e.kind,
      name: e.name[lang],
      tags: e.tags.map((t) => tagIn(lang, t)),
      summary: e.summary[lang],
    }
    if (e.kind === 'customer') out.stage = e.stageOverride?.stage ?? e.stage
    if (e.stageOverride)
      out.stageOverride = {
        stage: e.stageOverride.stage,
        reason: e.stageOverride.reason[lang],
        at: e.stageOverride.at,
      }
    if (e.side) out.side = e.side
    if (e.placeMode) out.placeMode = e.placeMode
    const contact = contactFor(e, lang)
    if (contact) out.contact = contact
    out.createdAt = e.createdAt
    out.updatedAt = e.updatedAt
    return out
  })
  const ties = sk.ties.map((t) => ({
    id: t.id,
    from: t.from.id,
    to: t.to.id,
    type: t.src.type,
    strength: t.src.strength,
    sentiment: t.src.sentiment,
    since: t.since,
    note: t.src.comment?.[lang] ?? '',
    evidence: t.evidence.map((n) => n.id),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  }))
  const notes = sk.notes.map((n) => {
    const out = {
      id: n.id,
      text: renderText(n.src.text[lang], lang),
      kind: n.src.kind,
      touchpoint: n.src.tp,
      at: n.at,
      about: n.about.map((k) => BY_KEY.get(k).id),
      tags: n.enTags.map((t) => tagIn(lang, t)),
      facets: n.src.f,
      source: n.src.src === 'v' ? 'volunteered' : 'observed',
      sentiment: n.src.s,
    }
    if (n.followUp) out.followUp = n.followUp
    out.createdAt = n.createdAt
    out.updatedAt = n.updatedAt
    return out
  })
  const transactions = sk.transactions.map((p) => {
    const sign = p.refund ? -1 : 1
    const items = p.items.map(([item, quantity]) => ({
      name: CATALOGUE[item][lang],
      quantity,
      amount: sign * unitPrice(item, p.at) * quantity,
    }))
    const out = {
      id: p.id,
      customerId: BY_KEY.get(p.customer).id,
      at: p.at,
      amount: items.reduce((s, it) => s + it.amount, 0),
      currency: 'EUR',
      items,
      channel: CHANNEL_NAMES[p.channel][lang],
      externalRef: p.externalRef,
      createdAt: p.at + 2 * 60_000,
      updatedAt: p.at + 2 * 60_000,
    }
    return out
  })
  const consents = sk.consents.map((c) => ({
    id: c.id,
    entityId: BY_KEY.get(c.who).id,
    purpose: PURPOSES[c.purpose][lang],
    given: c.given,
    at: c.at,
    how: HOW[c.how][lang],
    createdAt: c.at + 60_000,
    updatedAt: c.at + 60_000,
  }))
  return {
    format: 'carnet-notebook',
    formatVersion: 1,
    schemaVersion: 1,
    name: NOTEBOOK_NAME[lang],
    exportedAt: ANCHOR,
    anchor: ANCHOR,
    tables: {
      entities,
      ties,
      notes,
      transactions,
      maps: [],
      segments: [],
      decks: [],
      consents,
      trash: [],
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Checks: the sample must be valid, and the stories it tells must be true.
// ---------------------------------------------------------------------------------------------

const INFLUENCE = new Set(['recommends', 'prescribes', 'referred'])
const SOCIAL = new Set(['family', 'partner', 'friend', 'colleague', 'neighbour'])

/** PageRank over influence ties (weighted by strength); reverse = influence flows from the source. */
export function influencePageRank(file, { reverse = false } = {}) {
  const ids = file.tables.entities.map((e) => e.id)
  const out = new Map(ids.map((id) => [id, []]))
  for (const t of file.tables.ties) {
    if (!INFLUENCE.has(t.type)) continue
    const [a, b] = reverse ? [t.to, t.from] : [t.from, t.to]
    out.get(a).push([b, t.strength])
  }
  const n = ids.length
  let rank = new Map(ids.map((id) => [id, 1 / n]))
  for (let it = 0; it < 100; it++) {
    const next = new Map(ids.map((id) => [id, 0.15 / n]))
    let dangling = 0
    for (const id of ids) {
      const edges = out.get(id)
      const total = edges.reduce((s, [, w]) => s + w, 0)
      if (total === 0) dangling += rank.get(id)
      else for (const [b, w] of edges) next.set(b, next.get(b) + (0.85 * rank.get(id) * w) / total)
    }
    for (const id of ids) next.set(id, next.get(id) + (0.85 * dangling) / n)
    rank = next
  }
  return [...rank.entries()].sort((a, b) => b[1] - a[1])
}

function fail(msg) {
  throw new Error(`build-samples: ${msg}`)
}

function check(file, lang) {
  const t = file.tables
  const byId = new Map(t.entities.map((e) => [e.id, e]))
  const customers = t.entities.filter((e) => e.kind === 'customer')
  const range = (label, n, lo, hi) => {
    if (n < lo || n > hi) fail(`${lang}: ${label} = ${n}, expected ${lo}–${hi}`)
  }
  range('customers', customers.length, 35, 45)
  range('other entities', t.entities.length - customers.length, 55, 70)
  range('ties', t.ties.length, 110, 140)
  range('notes', t.notes.length, 140, 170)
  range('transactions', t.transactions.length, 1500, 3000)

  const past = (label, ms) => {
    if (ms === undefined) return
    if (!Number.isInteger(ms) || ms > ANCHOR || ms < 0)
      fail(`${lang}: ${label} ${ms} is not before the anchor`)
  }
  const stamps = (label, r) => {
    past(`${label}.createdAt`, r.createdAt)
    past(`${label}.updatedAt`, r.updatedAt)
    if (r.updatedAt < r.createdAt) fail(`${lang}: ${label} updated before created`)
  }
  for (const e of t.entities) {
    stamps(`entity ${e.name}`, e)
    past(`entity ${e.name} override`, e.stageOverride?.at)
  }
  for (const x of t.ties) {
    stamps(`tie ${x.id}`, x)
    past(`tie since`, x.since)
    if (!byId.has(x.from) || !byId.has(x.to)) fail(`${lang}: tie ${x.id} has a missing end`)
  }
  const noteIds = new Set(t.notes.map((n) => n.id))
  for (const x of t.ties)
    for (const ev of x.evidence) if (!noteIds.has(ev)) fail(`tie evidence ${ev} is not a note`)
  for (const n of t.notes) {
    stamps(`note ${n.id}`, n)
    past('note at', n.at)
    past('note due', n.followUp?.due)
    past('note done', n.followUp?.doneAt)
    const linked = [...n.text.matchAll(/\(carnet:entity\/([^)]+)\)/g)].map((m) => m[1])
    for (const id of linked) if (!byId.has(id)) fail(`${lang}: note mentions unknown ${id}`)
    for (const id of n.about) if (!byId.has(id)) fail(`${lang}: note about unknown ${id}`)
    const extra = n.about.filter((id) => !linked.includes(id))
    if (extra.length > 1 || (extra.length === 1 && byId.get(extra[0]).kind !== 'customer')) {
      fail(`${lang}: note ${n.id} is about more than its mentions`)
    }
    for (const id of linked)
      if (!n.about.includes(id)) fail(`${lang}: note ${n.id} mention not in about`)
    const inline = inlineTags(n.text)
    if (inline.sort().join() !== [...n.tags].sort().join())
      fail(`${lang}: note ${n.id} tags ${n.tags} vs ${inline}`)
  }
  for (const x of t.transactions) {
    stamps(`transaction ${x.externalRef}`, x)
    if (byId.get(x.customerId)?.kind !== 'customer') fail(`${lang}: transaction for a non-customer`)
    if (x.amount !== x.items.reduce((s, it) => s + it.amount, 0))
      fail(`${lang}: ${x.externalRef} total`)
  }
  for (const c of t.consents) stamps(`consent ${c.id}`, c)

  // The known prescriber has the most influence ties and the highest influence PageRank.
  const helene = BY_KEY.get('helene').id
  const degree = new Map()
  for (const x of t.ties) {
    if (!INFLUENCE.has(x.type)) continue
    for (const id of [x.from, x.to]) degree.set(id, (degree.get(id) ?? 0) + 1)
  }
  const byDegree = [...degree.entries()].sort((a, b) => b[1] - a[1])
  if (byDegree[0][0] !== helene || byDegree[1][1] >= byDegree[0][1])
    fail('the prescriber is not the most connected by influence')
  for (const reverse of [false, true]) {
    const pr = influencePageRank(file, { reverse })
    if (pr[0][0] !== helene || pr[1][1] * 1.3 > pr[0][1]) {
      fail(
        `the prescriber is not clearly first by PageRank (reverse=${reverse}): ${pr.slice(0, 3).map(([id, r]) => `${byId.get(id).name} ${r.toFixed(4)}`)}`,
      )
    }
  }

  // The rising tag: ≥ 5× more frequent in the last five weeks than in any earlier five weeks.
  const window = 35 * DAY
  const buckets = new Map()
  for (const n of t.notes) {
    if (!n.tags.includes('vegan')) continue
    const k = Math.floor((ANCHOR - n.at) / window)
    buckets.set(k, (buckets.get(k) ?? 0) + 1)
  }
  const recent = buckets.get(0) ?? 0
  const earlier = Math.max(0, ...[...buckets.entries()].filter(([k]) => k > 0).map(([, v]) => v))
  if (recent < 10 || recent < 5 * Math.max(1, earlier))
    fail(`${lang}: #vegan is not rising (${recent} vs ${earlier})`)

  return { customers, byId, degree: byDegree, recent, earlier }
}

function summary(file, lang, info) {
  const t = file.tables
  const { byId } = info
  const count = (list, key) => {
    const m = {}
    for (const x of list) m[key(x)] = (m[key(x)] ?? 0) + 1
    return m
  }
  const name = (id) => byId.get(id).name
  console.log(`\n== ${file.name} (${lang}) ==`)
  console.log(
    'entities',
    count(t.entities, (e) => e.kind),
  )
  console.log(
    'stages',
    count(info.customers, (e) => e.stage),
  )
  console.log(
    'ties',
    t.ties.length,
    count(t.ties, (x) => x.type),
  )
  console.log('ties with evidence', t.ties.filter((x) => x.evidence.length).length)
  console.log(
    'notes',
    t.notes.length,
    count(t.notes, (n) => n.kind),
  )
  console.log(
    'touchpoints',
    count(t.notes, (n) => n.touchpoint),
  )
  const open = t.notes.filter((n) => n.followUp && !n.followUp.doneAt)
  console.log(
    'follow-ups',
    t.notes.filter((n) => n.followUp).length,
    'open',
    open.length,
    'overdue',
    open.filter((n) => n.followUp.due && n.followUp.due < ANCHOR).length,
  )
  console.log(
    'influence degree',
    info.degree
      .slice(0, 4)
      .map(([id, d]) => `${name(id)} ${d}`)
      .join(', '),
  )
  for (const reverse of [false, true]) {
    console.log(
      `pagerank${reverse ? ' (reversed)' : ''}`,
      influencePageRank(file, { reverse })
        .slice(0, 3)
        .map(([id, r]) => `${name(id)} ${r.toFixed(3)}`)
        .join(', '),
    )
  }
  console.log(`#vegan last 5 weeks ${info.recent}, max earlier window ${info.earlier}`)
  const tags = count(
    t.notes.flatMap((n) => n.tags.map((tag) => ({ tag }))),
    (x) => x.tag,
  )
  console.log(
    'tags',
    Object.entries(tags)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
  )
  const spend = new Map()
  const last = new Map()
  const freq = new Map()
  for (const x of t.transactions) {
    spend.set(x.customerId, (spend.get(x.customerId) ?? 0) + x.amount)
    last.set(x.customerId, Math.max(last.get(x.customerId) ?? 0, x.at))
    freq.set(x.customerId, (freq.get(x.customerId) ?? 0) + 1)
  }
  const total = [...spend.values()].reduce((a, b) => a + b, 0)
  console.log('transactions', t.transactions.length, 'total €', (total / 100).toFixed(2))
  const rows = [...spend.entries()].sort((a, b) => b[1] - a[1])
  for (const [id, cents] of rows) {
    const days = Math.round((ANCHOR - last.get(id)) / DAY)
    console.log(
      `  ${name(id).padEnd(20)} €${(cents / 100).toFixed(2).padStart(9)}  ${String(freq.get(id)).padStart(4)} tx  last ${days} d ago`,
    )
  }
  const noTx = info.customers.filter((c) => !spend.has(c.id))
  if (noTx.length)
    console.log(
      'customers without purchases',
      noTx.map((c) => c.name),
    )
  // Social clusters: ties inside vs between the groups.
  const groups = {
    parents: ['claire', 'julien', 'nadia', 'isabelle', 'thomas', 'aurelie', 'sandrine', 'mathieu'],
    running: ['lea', 'antoine', 'chloe', 'hugo', 'manon', 'yannick'],
    coworking: ['sophie', 'maxime', 'pauline', 'romain', 'elodie', 'kevin', 'lucas'],
    bookclub: ['gerard', 'monique', 'francoise', 'bernard', 'jacqueline', 'odile', 'josiane'],
  }
  const groupOf = new Map()
  for (const [g, keys] of Object.entries(groups))
    for (const k of keys) groupOf.set(BY_KEY.get(k).id, g)
  const inside = {}
  let between = 0
  for (const x of t.ties) {
    if (!SOCIAL.has(x.type)) continue
    const a = groupOf.get(x.from)
    const b = groupOf.get(x.to)
    if (a && a === b) inside[a] = (inside[a] ?? 0) + 1
    else if (a && b) between++
  }
  console.log('social ties inside groups', inside, 'between groups', between)
}

// ---------------------------------------------------------------------------------------------

function main() {
  const sk = buildSkeleton()
  const files = Object.fromEntries(LANGS.map((lang) => [lang, render(lang, sk)]))
  for (const lang of LANGS) {
    const info = check(files[lang], lang)
    summary(files[lang], lang, info)
  }
  if (process.argv.includes('--check')) return
  mkdirSync(OUT_DIR, { recursive: true })
  for (const lang of LANGS) {
    const path = join(OUT_DIR, `sample-${lang}.carnet`)
    writeFileSync(path, `${JSON.stringify(files[lang], null, 2)}\n`)
    console.log(`wrote ${path}`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
