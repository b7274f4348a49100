import { foldText } from '../../text/tokenize.js';

/**
 * The phrasings intent is decided by, as data: each list holds regular-expression fragments matched
 * as whole words against the folded message without apostrophes ("whats", "youre"). In item
 * questions "@item" stands for a title the message names or a shown item it points at ("the third
 * one", "number 3"); an item question counts only when the message names one.
 */

/** Questions about one item: "whats Heat about", "have you seen Parasite?", "is Get Out horror?". */
export const itemQuestionFrames = [
  '(?:have|has|did) (?:you|u|anyone|anybody|any of you) (?:ever )?(?:seen|watched|see|watch|heard of) @item',
  '(?<=^|[.?!,;:] )(?:you|u|anyone|anybody|someone) (?:ever )?(?:seen|watched) @item',
  'what(?:s| is| was| are) @item (?:about|like|rated)',
  // "whats the plot of pulp fiction", "quick summary of Heat?", "what happens in Drive".
  '(?:plot|story|storyline|premise|synopsis|summary|gist|point) (?:of|for|in|behind) @item',
  'what (?:happens|goes on) in @item',
  'what (?:genre|rating|year|age rating|kind of (?:movie|film|thing)) (?:is|was) @item',
  // A question that opens on the item: "is Nope any good", "is The Handmaiden in Korean?", "does Coco…".
  '(?<=^|[.?!,;:] )(?:so |wait |and |but |hmm |ok |okay |also |oh )?(?:is|was|are|does|did|has) @item',
  // "…Goodfellas, is it like The Departed?": "it" once the message has named the item.
  '(?<=^|[.?!,;:] )(?:so |wait |and |but |hmm |ok |okay |also |oh )?(?:is|was|does) (?:it|that|this)(?: one)?',
  'how (?:long|scary|violent|gory|sad|funny|good|bad|old|slow|dark|intense|graphic|bloody) (?:is|was) @item',
  'who(?:s| is| was)? (?:in|starring in|starring|directed|made|wrote|stars in|starred in|plays in|acts in) @item',
  // "who plays the lead in Drive", "who directed memento again": a question about a person of the film.
  'who(?:s| is| was)? (?:\\w+ ){1,4}(?:in|of|from) @item',
  '(?:what year|which year|when) (?:did|does|was|is) @item (?:come out|came out|released|made|out)',
  'what (?:year|decade|genre|rating|language|age rating|country) (?:did|does|is|was) @item',
  'when (?:did|was|is) @item',
  'tell me (?:a bit |a little )?(?:more )?about @item',
  '(?:more )?(?:info|information|details) (?:on|about) @item',
  'why(?:d| did| would)? (?:you|u) (?:pick|choose|suggest|recommend|include|go with|add) @item',
  'why @item',
  // "the second one, who directed it", "the bruce willis one, is it very violent?": a question after the item.
  '@item,? (?:who|whos|why|when|is it|was it|does it|did it|is that|has it|whats it|what is it|how \\w+ is it)(?= )',
  'do you (?:have|know|like) @item',
  '(?:what do you think|thoughts|your take) (?:of|on|about) @item',
];

/** Ways to point at a shown item, written "@ref" before the frames are matched. */
export const itemReferences = [
  'the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|middle|final|\\d+(?:st|nd|rd|th))(?: one| pick| movie| film| option| title| suggestion)?',
  '(?:number|no\\.?|#) ?\\d+',
];

/** Words that ask for titles: a question that asks for more is a request, not a question about one. */
export const asksForTitlesPhrases = [
  'something',
  'anything',
  'recommend\\w*',
  'suggest\\w*',
  'similar',
  'more like',
  'like (?:it|that|this|them|those|these)',
  'others',
  'other (?:ones|movies|films|options|picks)',
  'else',
  'alternatives?',
  'instead',
];

/**
 * Small talk, clause by clause: a message is small talk when every clause is one of these
 * (greetings, thanks, acknowledgements, compliments, signing off, questions about the assistant).
 */
export const smallTalkPhrases = [
  'hi',
  'hello',
  'hey',
  'heya',
  'hiya',
  'yo',
  'howdy',
  'greetings',
  'bonjour',
  'hola',
  '(?:hi|hey|hello) there',
  'good (?:morning|evening|afternoon|night|day)',
  '(?:bye|goodbye|bye bye|cya|later|night night)',
  'see (?:ya|you)(?: later| soon| around)?',
  '(?:thanks|thank you|thank u|thanx|thx|ty|cheers|merci|much appreciated|appreciate it)(?: (?:so|very) much| a lot| a ton| a bunch| again| beaucoup)?(?: for (?:the|your|all the|all your) help| for that| for these| for those)?',
  'really helpful',
  'ok',
  'okay',
  'k',
  'kk',
  'cool',
  'great',
  'nice',
  'perfect',
  'awesome',
  'amazing',
  'lovely',
  'sweet',
  'neat',
  'alright',
  'sure',
  'yes',
  'yeah',
  'yep',
  'yup',
  'no',
  'nope',
  'nah',
  'hmm+',
  'lol',
  'haha+',
  'wow',
  'oh',
  'ah',
  'well',
  'fine',
  'right',
  'interesting',
  'got it',
  'i see',
  'makes sense',
  'sounds (?:good|great|perfect)',
  'fair enough',
  'say less',
  'sounds like a plan',
  'no (?:worries|problem|prob|probs)',
  'all good',
  'cool beans',
  'will do',
  'noted',
  '(?:youre|you are|ur) (?:actually |really |pretty |so |very |quite |the |too )*(?:good|great|helpful|awesome|amazing|smart|best|clever|kind)(?: at this)?',
  '(?:youve|you have|thats|that has|this has) been (?:really |so |very |super |such )?(?:helpful|great|awesome|amazing|a (?:big |great |huge )?help)',
  '(?:great|nice|good|solid|cool|perfect|awesome) (?:picks?|job|work|list|suggestions?|recommendations?|choices?)',
  'well done',
  '(?:thats|that is|this is|that was|this was|these are|those are) (?:really |very |so |super |exactly )?(?:helpful|great|perfect|awesome|all i needed|what i needed|it)',
  // "ill check them out later", "gonna watch one of these tonight", "will give that a go".
  '(?:ill|i will|im gonna|gonna|im going to|going to|well|lets|might|i might|i think ill|probably) (?:watch|check out|check|try|go with|pick|take|look at|look up|look into|save|add|give) (?:that|those|it|this|them|these|@title|@ref|one of (?:these|those|them))(?: one| ones)?(?: out| a go| a try| a shot| to my list)?(?: now| tonight| later| then| tomorrow| this weekend| soon)?',
  '(?:watching|checking out|going with|putting on|starting) (?:that|it|this|those|these|@title|@ref)(?: one)?(?: now| tonight| later| right now)?',
  '(?:let me|ill|i will|i need to|ill have to|i have to|gotta) (?:think|sleep on it|have a think)(?: about it)?',
  'give me a (?:sec|second|minute|moment)',
  'not sure yet',
  'maybe later',
  'thats all(?: i needed| for now)?',
  'just browsing(?: for now| rn| right now)?',
  '(?:i )?(?:dunno|dont know|idk|not sure) what i (?:want|feel like|am after|m after)(?: yet| rn| right now)?',
  'have a (?:good|great|nice|lovely) (?:night|day|evening|one|weekend)',
  '(?:you know that|ya know|you know)',
  '(?:thats|that is|thats all|im|i am|were|we are|all) (?:it|good|set|sorted|done|fine)(?: for now| for today| for tonight| thanks)?',
  'how does (?:this|it|that) work',
  'what (?:can|do) you do',
  '(?:who|what) are you',
  'are (?:you|u) (?:a |an )?(?:bot|robot|human|real|ai|person)(?: or (?:a |an )?(?:real |actual )?(?:bot|robot|human|ai|person|people))?',
  '(?:thats|that is|its|it is) (?:settled|decided|sorted|a plan|a deal)(?: then)?',
  'how are (?:you|u)(?: doing)?(?: today| tonight| this evening)?',
  'hows it going',
  'whats up',
  'sup',
];

/** Words that add to the request in force: "also loved Alien", "my 7yo will be watching too btw". */
export const continuationPhrases = {
  leading: [
    // "has to be animated, it's for my nephews": a limit on the request in force.
    '(?:has|have|needs?|must|should|gotta|got) (?:to )?be',
    'and',
    'also',
    'plus',
    'oh and',
    'oh, and',
    'btw',
    'by the way',
    'too',
    'as well',
    'additionally',
  ],
  anywhere: [
    'i also',
    'we also',
    'also (?:loved|liked|enjoyed|like|love|hated|disliked)',
    'if (?:that|it) helps',
    // The request in force, kept: "same idea but it has to be ok for my 10 year old", "so keep it ok for him".
    'same (?:idea|thing|kind of thing|sort of thing|vibe|request|list)',
    'keep (?:it|them|those)',
    '(?:it|they|that|those|this) (?:has|have|needs?|got|must|should) (?:to )?be',
  ],
  trailing: ['also', 'too', 'as well', 'btw', 'by the way', 'fwiw', 'if (?:that|it) helps', 'too btw'],
};

/** Words that drop the request in force for another: "instead", "different idea:", "now a comedy". */
/**
 * A viewer joining the request in force: "my nephew's staying over, he's 12", "my 14 yo son is
 * joining". Without a request of its own in the message, the audience adds to the current request.
 */
export const joinPhrases = [
  '(?:joining|staying over|sleeping over|coming over|watching with (?:us|me)|sat down|sitting with (?:us|me))',
  '(?:is|are|s|re|just|will be|gonna be) (?:over|here|home|back|watching too)',
  '(?:just )?(?:sat|sit|sitting) down with (?:us|me)',
  '(?:joined|joins|join) (?:us|me)',
];
export const freshStartPhrases = [
  'instead',
  'change of (?:plans?|topic|mood|subject|heart)',
  '(?:totally|completely|something|quite|very) different',
  'different (?:idea|topic|subject|mood|thing|question|kind|type|vibe|direction|request|genre|plan|night|day|evening|weekend|occasion|crowd)',
  '(?:new|other|another) (?:idea|search|topic|request|question|subject|plan)',
  'other topic',
  'forget (?:about )?(?:that|those|it|all that|the \\w+|\\w+)',
  'scratch that',
  'never ?mind',
  'nvm',
  'enough of (?:that|those|this)',
  'moving on',
  'move on',
  'something else entirely',
  'start over',
  'switching',
  'switch (?:it up|gears)',
  'on another note',
  'separately',
  'unrelated',
  'and now',
  'now (?:something|some|a|an|for|i want|i need|id like|we want|we need|show|give|lets)',
  '(?:how|what) about (?:a|an|some|something)',
];

/** Words that point back at the current request or list: "more like", "another", "older", "can they be…". */
export const pointsBackPhrases = [
  'more like',
  'similar',
  'another',
  'the others',
  'other (?:ones|options|picks|suggestions)',
  'else',
  'instead',
  'not (?:that|this|those|these)',
  'older',
  'newer',
  'more recent',
  'less',
  'shorter',
  'lighter',
  'darker',
  'funnier',
  'scarier',
  'different',
  'any (?:year|decade|era|genre)',
  '(?:is|are) (?:fine|ok|okay)',
  '(?:doesnt|does not) matter',
  'after all',
  'same but',
  'more of a',
  'but (?:older|newer|with|without|from|after|before)',
  '(?:can|could|should|would|do|must) (?:they|those|these|it|the picks|the movies|the films) (?:be|have|star|include)',
  'make (?:it|them|those|these) ',
];

/** "A request in so many words": a message with these is never small talk. */
export const asksForMorePhrases = [
  'recommend\\w*',
  'suggest\\w*',
  'what else',
  'anything else',
  'something else',
  'another (?:one|recommendation|suggestion|movie|film)',
  'any (?:other|more)',
  'other (?:ones|movies|films|suggestions|recommendations)',
  'more (?:like|suggestions|recommendations|ideas|movies|films)',
  'ideas',
  'what (?:should|would|could|can) (?:i|we) (?:watch|see)',
  'any (?:good )?(?:movies|films)',
  'favou?rite movies',
  '(?:you|u) (?:pick|choose|decide)',
  'surprise me',
  'dealers choice',
  'up to you',
  'keep (?:going|them coming|em coming)',
  'go on',
];

/** A regular expression matching any of the phrases as whole words ("@item" needs no word boundary). */
export function anyPhrase(phrases: readonly string[], item = ''): RegExp {
  const body = phrases.map((phrase) => phrase.replaceAll('@item', item)).join('|');
  return new RegExp(`(?<![\\w@])(?:${body})(?![\\w@])`);
}

// The rule-based reader's cues (used without a trained model, and to replay context for training).
export const greeting =
  /^(hi|hello|hey|heya|hiya|yo|sup|howdy|greetings|thanks|thank you|thx|ty|cheers|ok|okay|cool|great|nice|bye|goodbye|good (morning|evening|afternoon|night)|how are you|hows it going|whats up|lol|haha)\b/;
export const acknowledgement =
  /^(?:(?:yes|yeah|yep|yup|no|nope|nah|sure|maybe|fine|alright|right|hmm+|lol|haha+|wow|oh|ah|well|ok|okay|k|thanks|thank you|thx|ty|good|great|cool|nice|perfect|awesome|interesting|really|sounds good|not sure|i see|got it|will do|bye|cheers)\b[\s!?.,]*)+$/;
export const request =
  /\b(recommend\w*|suggest\w*|movie|movies|film|films|watch|show me|looking for|something|anything|any ideas|what should|give me)\b/;
export const askAbout =
  /\b(why|tell me (more )?about|what(s| is| was) (it|that|this|the \w+( one)?|[\w ]+) about|what(s| is) the (plot|story)|more (info|information|details) (on|about)|who(s| is| was)? (in|starring|directed|stars)|who directed|who made|is (it|that|the \w+( one)?) (scary|good|funny|violent|long|sad|ok|okay|suitable|appropriate)|how (long|old|scary|violent)|when (was|did)|what year|what genre|is it|does it|was it|did you pick|did you choose)\b/;

/** A statement of taste ("I loved Superbad", "my favourite is Alien") adds to a request; it asks for nothing new. */
export const tasteStatement =
  /^(?:(?:yes|yeah|yep|no|oh|ok|okay|well|haha|lol|i see|cool|great|nice|hmm+|um+|uh+|ah|actually|also|so|and)[\s,!.]+)*(?:i|we|im|ive|my|our|me and|both)\b[^?]*\b(like|love|enjoy|liked|loved|enjoyed|adore|adored|favou?rites?|fan of|into|hate|hated|dislike|disliked|seen|watched|saw)\b/;
/** A message framed as a request: "a …", "something …", "I want a …", "can you …". */
export const requestFrame =
  /^(a|an|some)\b|\b(movies? about|films? about|one about|story about|movies? where|films? where|set in|something|anything|recommend\w*|suggest\w*|looking for|look for|((i|we) (want|wanna|need|would like)|id like|wed like) (a|an|some|something|to (watch|see) (a|an|some|something)|movies?|films?)\b|(im|i am) looking|show me|give me|in the mood for|any (good|ideas|suggestions|other)|can you|could you|do you (have|know)|got any|ideas?\b)/;

// The matchers built from the lists; in item questions "@item" is a title, a shown item, or "it" before "about"/"like".
export const itemQuestion = anyPhrase(
  itemQuestionFrames,
  '(?:@title|@ref|(?:it|that|this)(?= (?:about|like)))',
);
export const itemReference = new RegExp(`(?<![\\w@#])(?:${itemReferences.join('|')})(?![\\w@])`, 'g');
export const asksForTitles = anyPhrase(asksForTitlesPhrases);
const smallTalkBody = smallTalkPhrases.join('|');
export const smallTalkClause = new RegExp(`^(?:${smallTalkBody})(?: (?:${smallTalkBody}))*$`);
export const continuesLeading = new RegExp(`^(?:${continuationPhrases.leading.join('|')})\\b`);
export const continuesTrailing = new RegExp(`\\b(?:${continuationPhrases.trailing.join('|')})[\\s.!?]*$`);
export const continuesAnywhere = anyPhrase(continuationPhrases.anywhere);
export const freshStart = anyPhrase(freshStartPhrases);
export const joins = anyPhrase(joinPhrases);
export const pointsBack = anyPhrase(pointsBackPhrases);
export const asksForMore = anyPhrase(asksForMorePhrases);

/** Folded, without apostrophes ("what's" and "whats" are one), one space between words. */
export function normalize(text: string): string {
  return foldText(text)
    .replace(/['’‘`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
