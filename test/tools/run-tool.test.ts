import { beforeAll, describe, expect, it } from 'vitest';
import { ConvrecError } from '../../src/errors/index.js';
import type { Retriever } from '../../src/retrieval/index.js';
import { getUserProfileTool } from '../../tools/get-user-profile.js';
import { runTool, runToolCall } from '../../tools/run-tool.js';
import { searchCatalogTool } from '../../tools/search-catalog.js';
import { thrownBy } from '../helpers/errors.js';
import { toolContext, toyRetriever } from './tool-context.js';

let retriever: Retriever;
beforeAll(async () => {
  retriever = await toyRetriever();
});

async function failureText(rawArguments: unknown): Promise<string> {
  const result = await runTool(searchCatalogTool, rawArguments, toolContext(retriever));
  if (result.ok) throw new Error('expected the call to fail');
  return result.text;
}

describe('runTool with invalid arguments', () => {
  it('names the field that is wrong, as text for the model', async () => {
    expect(await failureText('{"queries":["space"],"k":200}')).toBe(
      'Invalid arguments for search_catalog: field "k": Too big: expected number to be <=150. ' +
        'Fix them and call search_catalog again.',
    );
    expect(await failureText({ queries: ['space', 7] })).toMatch(/field "queries\[1\]": .*expected string/);
    expect(await failureText({ queries: ['space'], filters: { yearFrom: 'recent' } })).toMatch(
      /field "filters\.yearFrom": .*expected number/,
    );
  });

  it('names a field that is out of range', async () => {
    expect(await failureText({ queries: ['space'], k: 500 })).toMatch(/field "k": .*150/);
  });

  it('names unknown fields instead of silently dropping a constraint', async () => {
    expect(await failureText({ queries: ['space'], filters: { year_from: 2000 } })).toMatch(
      /unknown field "filters\.year_from"/,
    );
    expect(await failureText({ query: 'space', queries: ['space'] })).toMatch(/unknown field "query"/);
  });

  it('reports arguments that are not JSON, or not an object, without throwing', async () => {
    expect(await failureText('{"queries": ["space"')).toMatch(
      /^Invalid arguments for search_catalog: the arguments are not valid JSON \(/,
    );
    expect(await failureText('["space"]')).toMatch(/arguments: .*expected object/);
  });

  it('treats empty arguments as no arguments', async () => {
    const result = await runTool(getUserProfileTool, '  ', toolContext(retriever));
    expect(result.ok).toBe(true);
  });
});

describe('runToolCall', () => {
  it('runs a tool by name', async () => {
    const result = await runToolCall({ name: 'get_item', arguments: '{"id":"m10"}' }, toolContext(retriever));
    expect(result.ok && result.output.text.split('\n')[0]).toBe('[m10] Up (2009)');
  });

  it('answers an unknown tool name with the tools there are', async () => {
    const result = await runToolCall({ name: 'delete_user', arguments: '{}' }, toolContext(retriever));
    expect(result).toEqual({
      ok: false,
      reason: 'unknown-tool',
      text:
        'There is no tool named "delete_user". Available tools: search_catalog, resolve_titles, ' +
        'similar_items, get_item, get_user_profile, record_feedback.',
    });
  });
});

describe('runTool when the tool itself fails', () => {
  it('returns the failure as text and keeps the error for the application', async () => {
    const context = toolContext(retriever);
    await context.profileStore.close();
    const result = await runTool(getUserProfileTool, '{}', context);
    if (result.ok) throw new Error('expected the call to fail');
    expect(result.reason).toBe('failed');
    expect(result.text).toMatch(/^get_user_profile failed: .+\. Try different arguments/);
    expect(result.error).toBeInstanceOf(ConvrecError);
  });

  it('throws when the turn was cancelled, instead of asking the model to retry', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await thrownBy(() =>
      runTool(
        searchCatalogTool,
        { queries: ['space'] },
        toolContext(retriever, { signal: controller.signal }),
      ),
    );
    expect(error.code).toBe('ABORTED');
  });
});
