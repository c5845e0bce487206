// IndexedDB for tests that need it: each test makes its own fresh factory (see fresh-idb.ts).
import 'fake-indexeddb/auto'
