/** The shipped model's data files held in memory, as the built app fetches them; records each request. */
import { splitModel, type FigurePartJson, type ModelLoader } from '../../src/data/model-parts.ts';
import type { ModelJson } from '../../src/data/model-json.ts';
import type { Model } from '../../src/model/types.ts';

const json = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A loader over `model`'s parts; `fail` names the requests that fail, with `message`, as a lost connection does. */
export function memoryLoader(model: Model, fail: string[] = [], message = 'Failed to fetch') {
  const { parts, atlas } = splitModel(model);
  const asked: string[] = [];
  const loader: ModelLoader = {
    figure: async (id) => {
      asked.push(id);
      if (fail.includes(id)) throw new Error(message);
      return json(parts.get(id)!) as FigurePartJson;
    },
    atlas: async () => {
      asked.push('atlas');
      if (fail.includes('atlas')) throw new Error(message);
      return json(atlas) as ModelJson;
    },
  };
  return { loader, asked };
}
