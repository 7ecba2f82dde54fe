import { createContext, useContext } from 'react';
import { currentLocale } from '../i18n';
import { type Api, createApi } from './client';

let defaultApi: Api | undefined;

/** The app-wide client, made on first use so tests that bring their own never build it. */
function appApi(): Api {
  defaultApi ??= createApi({ locale: currentLocale });
  return defaultApi;
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  return useContext(ApiContext) ?? appApi();
}
