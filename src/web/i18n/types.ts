import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The shape every language's catalogue must have (the zh-CN one, with any string values). */
export type Messages = Shape<typeof zhCN>;
/** A dotted key into the catalogue, e.g. 'menu.home'. */
export type MessageKey = Paths<Messages>;
export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;
