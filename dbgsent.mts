import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model);
const its = nlp.its;
const phrases = ['was incredible','is my comfort movie','are exactly my kind of film','is the funniest film ever made','freaked me out, never again','> everything','is peak cinema','made me cry','was beautiful','I couldn\'t take','was intense in the best way','made me laugh','didn\'t','wasn\'t crazy about','was a blast','I never got the hype around','every Christmas','was sweet','was even sweeter','meh','for sure','Not a fan of','german films I really liked','was fun','less so','lost me','are top tier','was ok','was better','was awful','was gorgeous','Didn\'t like at all','was so underrated','was slow but gorgeous','was stunning','my perfect triple bill','hit me harder than I expected','are my top three','did nothing for me','is the one','are lovely','the best romance ever made','bored me','was confusing tbh','yes','not really','is perfect','scariest thing I\'ve ever seen and I loved it','not so much'];
for (const p of phrases) { const d = nlp.readDoc(p); console.log(p.padEnd(45), d.out(its.sentiment)); }
