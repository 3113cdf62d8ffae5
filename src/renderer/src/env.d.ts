/// <reference types="vite/client" />
// window.api is declared by the preload (src/preload/index.d.ts).
