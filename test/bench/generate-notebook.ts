/**
 * A reproducible, full-size notebook for benchmarks: customers with French and English names,
 * notes written from a large bilingual vocabulary (words drawn with a Zipf-like law, as real text
 * is), mentions and #tags, ties and, optionally, purchases. Pure: the same seed and sizes always
 * give the same records, valid against the schemas of `src/model/records.ts`.
 */
import type { Entity, Note, Tie, Transaction } from '../../src/model/records'
import { NOTE_KINDS, TIE_TYPE_NAMES, TOUCHPOINTS } from '../../src/model/vocabulary'

export interface NotebookSizes {
  customers: number
  notes: number
  ties: number
  transactions: number
}

/** The size the search targets are set for. */
export const FULL_SIZE: NotebookSizes = {
  customers: 20_000,
  notes: 200_000,
  ties: 50_000,
  transactions: 0,
}

export const SMALL_SIZE: NotebookSizes = {
  customers: 2_000,
  notes: 20_000,
  ties: 5_000,
  transactions: 0,
}

export interface GeneratedNotebook {
  entities: Entity[]
  notes: Note[]
  ties: Tie[]
  transactions: Transaction[]
}

/** mulberry32: small, fast, and good enough for test data. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const FIRST_NAMES_FR = (
  'Zoé Élodie Françoise Hélène Chloé Léa Inès Maëlle Anaïs Céline Agnès Mélanie Noémie Clémence ' +
  'Bérénice Josée Renée Gaëlle Thérèse Amélie Camille Manon Juliette Lucie Margaux Pauline ' +
  'Jérôme Stéphane Frédéric Loïc Benoît Gaël Noël Hervé Clément Cédric Rémi Jérémie Théo Mathéo ' +
  'Léo Raphaël Joël Aurélien Sébastien Étienne Grégoire Matthieu Hugo Louis Arthur Baptiste'
).split(' ')
const FIRST_NAMES_EN = (
  'Zoe Olivia Amelia Isla Ava Emily Sophie Grace Ruby Poppy Evie Ella Freya Harper Charlotte ' +
  'Hannah Abigail Lily Chloe Megan Lucy Alice Rosie Daisy Imogen Holly Jack Oliver Harry George ' +
  'Noah Charlie Jacob Alfie Freddie Oscar Thomas William James Joshua Henry Samuel Daniel ' +
  'Edward Owen Ryan Liam Connor Callum Ethan Finley'
).split(' ')
const LAST_NAMES_FR = (
  'Fabre Lefèvre Mercier Girard Bonnet Dupré Rousseau Lévêque Gauthier Chevalier Faure Blanchard ' +
  'Barbier Brunet Noël Rivière Ménard Lemaître Prévost Hébert Bézier Dufresne Fournier Garnier ' +
  'Lacroix Leroy Marchand Moreau Perrin Renaud Roche Thibault Vidal Boucher Caron Delacroix ' +
  'Étienne Génin Lagarde Lambert Martin Bernard Dubois Durand Petit Robert Richard Simon Michel'
).split(' ')
const LAST_NAMES_EN = (
  'Fisher Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans ' +
  'Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason ' +
  'Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Martin Price Bell Cooper Ward Park ' +
  'Hughes Edwards Turner Collins Stewart Murphy Bailey Kelly Howard'
).split(' ')

/** Common words, most frequent first: they head the Zipf ranking. */
const COMMON_WORDS = (
  'le la les de des du un une et à en pour avec sur dans que qui pas plus il elle ils nous vous ' +
  'est a ont était sont fait veut dit aime trouve pense cherche voulait revient passe ' +
  'the a an and of to in for with on at is was it he she they we you his her their not but ' +
  'has had wants said likes found thinks asked came back bought brought told'
).split(' ')

/** Content words, French and English; derived forms are added below. */
const CONTENT_FR = (
  'vélo crevaison pneu chambre selle guidon frein chaîne dérailleur roue cadre casque lumière ' +
  'boulangerie pain baguette croissant brioche levain farine seigle épeautre gâteau tarte éclair ' +
  'café thé chocolat crème lait beurre fromage confiture miel œuf sucre sel épice vanille ' +
  'livre roman poésie bande dessinée auteur éditeur lecture bibliothèque librairie rayon étagère ' +
  'marché quartier rue place écluse canal rivière forêt montagne plage jardin terrasse école ' +
  'enfant fille fils mari femme voisin voisine collègue ami amie famille cousin grand-mère ' +
  'anniversaire mariage fête vacances week-end matin soir hiver été printemps automne ' +
  'prix réduction promotion fidélité carte cadeau commande livraison retard retour échange ' +
  'qualité service accueil conseil réparation entretien garantie réclamation plainte idée ' +
  'recette goût saveur odeur couleur taille modèle marque concurrent magasin boutique atelier ' +
  'association club course randonnée sortie balade voyage train voiture bus trottinette ' +
  'santé médecin pharmacie sport piscine yoga musique concert théâtre cinéma exposition ' +
  'téléphone courriel site internet réseau photo avis recommandation conférence salon ' +
  'nouveau ancien petit grand beau bon mauvais cher rapide lent content déçu ravi pressé fatigué ' +
  'hier demain aujourd’hui toujours jamais souvent parfois bientôt déjà encore vraiment très ' +
  'acheter essayer réparer commander livrer conseiller goûter lire emprunter rendre revenir ' +
  'régler payer oublier promettre appeler écrire attendre partager organiser préférer'
).split(' ')
const CONTENT_EN = (
  'bike puncture tyre tube saddle handlebar brake chain gear wheel frame helmet light ' +
  'bakery bread loaf croissant bun sourdough flour rye spelt cake tart pastry ' +
  'coffee tea chocolate cream milk butter cheese jam honey egg sugar salt spice vanilla ' +
  'book novel poetry comic author publisher reading library bookshop shelf ' +
  'market neighbourhood street square lock canal river forest mountain beach garden school ' +
  'child daughter son husband wife neighbour colleague friend family cousin grandmother ' +
  'birthday wedding party holiday weekend morning evening winter summer spring autumn ' +
  'price discount offer loyalty card gift order delivery delay return exchange ' +
  'quality service welcome advice repair maintenance warranty complaint idea ' +
  'recipe taste flavour smell colour size model brand competitor shop workshop ' +
  'club race hike outing walk trip train car bus scooter towpath ' +
  'health doctor pharmacy sport pool yoga music concert theatre cinema exhibition ' +
  'phone email website network photo review recommendation talk fair ' +
  'new old small big nice good bad expensive quick slow happy disappointed delighted busy tired ' +
  'yesterday tomorrow today always never often sometimes soon already again really very ' +
  'buy try repair order deliver advise taste read borrow return come settle pay forget ' +
  'promise call write wait share organise prefer'
).split(' ')

const SUFFIXES_FR = ['s', 'ment', 'ette', 'eur', 'ière', 'age', 'ée', 'erie', 'iste', 'ité']
const SUFFIXES_EN = ['s', 'ing', 'ed', 'er', 'ness', 'ful', 'less', 'ly', 'ish', 'ery']

/** A few thousand words: common ones first, then content words and their derived forms. */
function vocabulary(random: () => number): string[] {
  const words = new Set(COMMON_WORDS)
  const content = [...CONTENT_FR, ...CONTENT_EN]
  for (const word of content) words.add(word)
  for (const word of CONTENT_FR)
    for (const suffix of SUFFIXES_FR) words.add(word.replace(/[es]$/, '') + suffix)
  for (const word of CONTENT_EN)
    for (const suffix of SUFFIXES_EN) words.add(word.replace(/e$/, '') + suffix)
  const common = [...COMMON_WORDS]
  const rest = [...words].filter((word) => !COMMON_WORDS.includes(word))
  // Content words in a seeded order, so which are frequent is random but reproducible.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rest[i], rest[j]] = [rest[j]!, rest[i]!]
  }
  return [...common, ...rest]
}

/** Picks ranks 0…n-1 with probability ∝ 1 / (rank + 2.7), Zipf–Mandelbrot. */
function zipf(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 2.7)
    cumulative[rank] = total
  }
  return () => {
    const target = random() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

const TAGS = (
  'habitué fidèle vip vélo pain livres café régulier nouveau ambassadeur sceptique famille ' +
  'regular loyal cyclist bookworm foodie newcomer ambassador sceptic weekend local student pro'
).split(' ')

const START = Date.UTC(2021, 0, 1)
const SPAN = 4 * 365 * 24 * 60 * 60 * 1000

export function generateNotebook(
  seed: number,
  sizes: NotebookSizes = FULL_SIZE,
): GeneratedNotebook {
  const random = randomSource(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  let counter = 0
  const makeId = (prefix: string) => {
    counter++
    return `${prefix}${counter.toString(36).padStart(6, '0')}${Math.floor(random() * 2 ** 40)
      .toString(36)
      .padStart(8, '0')}`
  }
  const time = () => START + Math.floor(random() * SPAN)

  const entities: Entity[] = []
  for (let i = 0; i < sizes.customers; i++) {
    const french = random() < 0.5
    const first = pick(french ? FIRST_NAMES_FR : FIRST_NAMES_EN)
    const last = pick(french ? LAST_NAMES_FR : LAST_NAMES_EN)
    const createdAt = time()
    const tags = random() < 0.4 ? [pick(TAGS)] : []
    const hasEmail = random() < 0.3
    entities.push({
      id: makeId('c'),
      kind: 'customer',
      name: `${first} ${last}`,
      tags,
      summary: '',
      ...(hasEmail
        ? {
            contact: {
              emails: [
                `${first}.${last}${i}@example.${french ? 'fr' : 'com'}`
                  .normalize('NFD')
                  .replace(/\p{Diacritic}/gu, '')
                  .toLowerCase(),
              ],
              phones: [],
            },
          }
        : {}),
      createdAt,
      updatedAt: createdAt,
    })
  }

  const words = vocabulary(random)
  const rank = zipf(words.length, random)
  const sentence = () => {
    const length = 5 + Math.floor(random() * 14)
    const parts: string[] = []
    for (let i = 0; i < length; i++) parts.push(words[rank()]!)
    const first = parts[0]!
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1)
    return `${parts.join(' ')}.`
  }

  const notes: Note[] = []
  for (let i = 0; i < sizes.notes; i++) {
    const about: string[] = []
    const tags: string[] = []
    const sentences: string[] = []
    const count = 1 + Math.floor(random() * 4)
    for (let s = 0; s < count; s++) sentences.push(sentence())
    if (entities.length > 0 && random() < 0.6) {
      const mentions = random() < 0.2 ? 2 : 1
      for (let m = 0; m < mentions; m++) {
        const entity = pick(entities)
        if (about.includes(entity.id)) continue
        about.push(entity.id)
        const at = Math.floor(random() * sentences.length)
        sentences[at] =
          `${sentences[at]!.slice(0, -1)} [@${entity.name}](carnet:entity/${entity.id}).`
      }
    }
    if (random() < 0.3) {
      const tag = pick(TAGS)
      tags.push(tag)
      sentences.push(`#${tag}`)
    }
    const at = time()
    notes.push({
      id: makeId('n'),
      text: sentences.join(' '),
      kind: pick(NOTE_KINDS),
      touchpoint: pick(TOUCHPOINTS),
      at,
      about,
      tags,
      facets: [],
      source: random() < 0.7 ? 'observed' : 'volunteered',
      sentiment: Math.floor(random() * 5) - 2,
      createdAt: at,
      updatedAt: at,
    })
  }

  const ties: Tie[] = []
  for (let i = 0; i < sizes.ties && entities.length > 1; i++) {
    const from = pick(entities)
    let to = pick(entities)
    if (to.id === from.id) to = entities[(entities.indexOf(from) + 1) % entities.length]!
    const createdAt = time()
    ties.push({
      id: makeId('t'),
      from: from.id,
      to: to.id,
      type: pick(TIE_TYPE_NAMES),
      strength: 1 + Math.floor(random() * 5),
      sentiment: Math.floor(random() * 5) - 2,
      note: '',
      evidence: [],
      createdAt,
      updatedAt: createdAt,
    })
  }

  const transactions: Transaction[] = []
  for (let i = 0; i < sizes.transactions && entities.length > 0; i++) {
    const at = time()
    transactions.push({
      id: makeId('p'),
      customerId: pick(entities).id,
      at,
      amount: 100 + Math.floor(random() * 20_000),
      currency: 'EUR',
      items: [{ name: words[rank()]!, quantity: 1 + Math.floor(random() * 3) }],
      createdAt: at,
      updatedAt: at,
    })
  }

  return { entities, notes, ties, transactions }
}
