/**
 * The application menu's words, in each language Carnet speaks.
 *
 * The native menu is drawn by the main process before the page (and its i18n catalogs) exist,
 * so it keeps its own small table. `{app}` stands for the application's name. The wording follows
 * each platform's usual menus, so people find the items where they expect them.
 */

export const MENU_LOCALES = ['en', 'fr'] as const
export type MenuLocale = (typeof MENU_LOCALES)[number]

export interface MenuLabels {
  file: string
  edit: string
  view: string
  window: string
  help: string
  about: string
  services: string
  hide: string
  hideOthers: string
  showAll: string
  quit: string
  closeWindow: string
  newNote: string
  newCustomer: string
  commandPalette: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  pasteAndMatchStyle: string
  delete: string
  selectAll: string
  reload: string
  forceReload: string
  toggleDeveloperTools: string
  actualSize: string
  zoomIn: string
  zoomOut: string
  present: string
  toggleFullScreen: string
  minimize: string
  zoom: string
  bringAllToFront: string
}

export const MENU_LABELS = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About {app}',
    services: 'Services',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit {app}',
    closeWindow: 'Close Window',
    newNote: 'New Note',
    newCustomer: 'New Customer',
    commandPalette: 'Command Palette…',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDeveloperTools: 'Toggle Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    present: 'Present',
    toggleFullScreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    bringAllToFront: 'Bring All to Front',
  },
  fr: {
    file: 'Fichier',
    edit: 'Édition',
    view: 'Affichage',
    window: 'Fenêtre',
    help: 'Aide',
    about: 'À propos de {app}',
    services: 'Services',
    hide: 'Masquer {app}',
    hideOthers: 'Masquer les autres',
    showAll: 'Tout afficher',
    quit: 'Quitter {app}',
    closeWindow: 'Fermer la fenêtre',
    newNote: 'Nouvelle note',
    newCustomer: 'Nouveau client',
    commandPalette: 'Palette de commandes…',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    pasteAndMatchStyle: 'Coller et adapter le style',
    delete: 'Supprimer',
    selectAll: 'Tout sélectionner',
    reload: 'Recharger',
    forceReload: 'Forcer le rechargement',
    toggleDeveloperTools: 'Outils de développement',
    actualSize: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    present: 'Présenter',
    toggleFullScreen: 'Plein écran',
    minimize: 'Réduire',
    zoom: 'Agrandir',
    bringAllToFront: 'Tout ramener au premier plan',
  },
} as const satisfies Record<MenuLocale, MenuLabels>

/** `fr`, `fr-FR`, `fr_CA` → `fr`; anything Carnet does not speak yet → `en`. */
export function pickMenuLocale(locale: string): MenuLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/, 1)[0] ?? ''
  return MENU_LOCALES.find((candidate) => candidate === language) ?? 'en'
}

export function menuLabelsFor(locale: string): MenuLabels {
  return MENU_LABELS[pickMenuLocale(locale)]
}
