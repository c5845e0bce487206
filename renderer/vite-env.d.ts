/// <reference types="vite/client" />
interface ImportMetaEnv {
  readonly CARNET_VERSION?: string
}
declare module '*.carnet?raw' {
  const text: string
  export default text
}
