import type { z } from 'zod';
import { getItemTool } from './get-item.js';
import { getUserProfileTool } from './get-user-profile.js';
import { recordFeedbackTool } from './record-feedback.js';
import { resolveTitlesTool } from './resolve-titles.js';
import { searchCatalogTool } from './search-catalog.js';
import { similarItemsTool } from './similar-items.js';
import type { ToolDefinition } from './tool-definition.js';

/** A tool whose arguments are a JSON object, as every chat API requires. */
export type ObjectToolDefinition = ToolDefinition<z.ZodObject>;

/** Every tool of the recommender agent, in the order they are offered to the model. */
export const convrecTools: readonly ObjectToolDefinition[] = [
  searchCatalogTool,
  resolveTitlesTool,
  similarItemsTool,
  getItemTool,
  getUserProfileTool,
  recordFeedbackTool,
];
