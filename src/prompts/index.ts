export {
  parsePrompt,
  type PromptTemplate,
  type PromptValues,
  type RenderedPrompt,
} from './prompt-template.js';
export { loadPrompt, loadPrompts, promptsDirectory } from './load-prompt.js';
export { splitFrontmatter, promptFrontmatterSchema, type PromptFrontmatter } from './frontmatter.js';
