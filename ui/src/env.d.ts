/** True in development, test and fixture builds; false in the production build (see vite.config.ts). */
declare const __TEST_HOOKS__: boolean;
