"""What a collector's line does that the law forbids, read from its structure, not from a phrase list.

Collectors rarely say "I threaten you". They say "it would be a real shame if your employer found
out", "our field agent will be in your area", "this is Officer Grant". So each family is built from
parts that combine: who would learn of the debt and a verb of finding out or telling; an arrival verb
and the debtor's home, work or school; an authority title before a surname; a modal, a seizure and a
time with no judgment behind it. A negation that governs the verb ("we will never call your
employer") clears the match; a lawful frame (a court's judgment, a referral to legal "may") clears a
consequence. Each detector returns the words it matched, for the finding to quote.

Families: ``threat`` (harm, exposure, shaming, visits, definite lawsuits), ``false_claim`` (police,
officers, lawyers, courts, arrest and crime, seizure or garnishment with no judgment), ``insult``
(abuse: name-calling, "you're lying", "you people", contempt), ``profanity`` (obscene words) and
``mild_profanity`` (words a house standard may forbid, "damn"), ``fee`` (a fee, charge or interest
named), ``borrow`` (pressure to borrow, use credit or sell belongings to pay).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_I = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])", _I)


# A negation that governs what follows it: within three words, with no new subject in between
# ("we will never tell", "nobody is going to come"; not "if you don't pay we'll come").
_NEG: Final = re.compile(
    r"(?<![\w'])(?:not|never|no one|nobody|won't|wont|will not|wouldn't|would not|don't|dont|do not|"
    r"doesn't|isn't|aren't|can't|cannot|couldn't|shouldn't|mustn't|no need to|not going to|rather not|"
    r"hate to|without)(?![\w'])((?:\s+[\w']+){0,4})\s*$",
    _I,
)
_SUBJECT: Final = re.compile(
    r"(?<![\w'])(?:we|i|they|he|she|someone|somebody|we'll|i'll|they'll|we're|i'm|it|that|this|if|but|"
    r"then|so|because|otherwise|unless)(?![\w'])",
    _I,
)


def negated(text: str, start: int) -> bool:
    """Whether a negation governs the words at ``start`` (same clause, no new subject between)."""
    clause = re.split(r"[.!?;,:]", text[max(0, start - 60) : start])[-1]
    clause = re.sub(
        r"\b(?:can't|couldn't|won't|wouldn't|don't|didn't|cannot) (?:you|your|he|she|they|someone)\b|\b(?:why|if|or|whether) not\b|\b(?:nobody|no one) (?:wants|likes|needs)\b|\blet(?:'s| us) not\b",
        " ",
        clause,
        flags=_I,
    )
    found = _NEG.search(clause)
    return bool(found and not _SUBJECT.search(found.group(1)))


# A negated copula inside a match ("I'm not an attorney") clears it too.
_INNER_NEG: Final = re.compile(
    r"(?<![\w'])(?:i'm|i am|this is|it's|it is|we are|we're|you're|you are|he's|she's) (?:not|never|no longer)(?![\w'])",
    _I,
)


# "I'd rather not ring your office, but I will", "…unless you make us": the negation is taken back.
_BUT_WILL: Final = re.compile(
    r"\bbut (?:i|we)(?:'ll| will| would| am going to| are going to| can| could)\b|\bunless you (?:make|force|leave) (?:us|me)\b",
    _I,
)


# A negation on the verb inside a match: "your employer won't be told", "they will never hear".
_VERB_NEG: Final = re.compile(
    r"(?<![\w'])(?:won't|will not|wouldn't|would not|never|don't|doesn't|isn't|aren't|can't|cannot|not)"
    r"(?: (?:be|ever|have to|need to|get to|going to))* (?:told|know|knows|hear|hears|find|learn|learns|contacted|called|"
    r"informed|notified|involved|see|sees|visited|receive|hearing|involve|contact|call|tell)(?![\w'])",
    _I,
)
# The listener asked to do it: "could you tell your flatmate…" is a message, not the collector's threat.
_LISTENER_DOES: Final = re.compile(r"(?:\b(?:can|could|would|will) you(?: please| just| kindly)?|\bplease,?)\s*$", _I)
# The debtor's own belief or right, not the collector's claim: "if you think this is fraud, you can file a
# police report" ("you could be arrested" is still a claim).
_DEBTORS_OWN: Final = re.compile(
    r"\b(?:victim of|if you (?:think|believe|suspect|feel)|you (?:can|could|may|might|should|are (?:welcome|free) to|have the right to)"
    r"(?: always| also| still)? (?:file|report|call|contact|ask|check|speak|talk|send|dispute|request|complain|seek|get advice|"
    r"go to the|take (?:it|this) to))\b[^.?!;:]*$",
    _I,
)


def _hits(
    pattern: re.Pattern[str], text: str, *, negatable: bool = True, cleared_by: re.Pattern[str] | None = None
) -> list[str]:
    out: list[str] = []
    for match in pattern.finditer(text):
        reversed_ = bool(_BUT_WILL.search(text[match.end() :]))
        inner = match.group(0)
        if negatable and not reversed_ and (negated(text, match.start()) or _INNER_NEG.search(inner) or _VERB_NEG.search(inner)):
            continue
        if cleared_by is not None and cleared_by.search(text[max(0, match.start() - 60) : match.start()]):
            continue
        word = match.group(0).strip()
        if word and word.lower() not in (o.lower() for o in out):
            out.append(word)
    return out


# --- threat: exposure, visits, harm, shaming, definite lawsuits -------------------------------------

# A third party named as the debtor's own: "your boss", "her sister".
_PARTY_NOUN: Final = (
    r"(?:employers?|boss|manager|supervisor|colleagues|co-?workers|workmates|neighbou?rs|family|relatives|wife|husband|"
    r"spouse|partner|kids|children|son|daughter|parents|mother|father|mom|mum|dad|in-laws|friends|church|pastor|landlord|"
    r"customers|clients|tenants|staff|commanding officer|sister|brother|cousins?|aunt|uncle|grandparents|roommates?|"
    r"flatmates?|doctor|bank manager)"
)
_PARTY: Final = (
    r"(?:(?:your |his |her |their |the )?(?:employers?|boss|bosses|manager|supervisor|workplace|hr|human resources|"
    r"payroll|colleagues|co-?workers|workmates|neighbou?rs|neighbou?rhood|family|relatives|wife|husband|"
    r"spouse|partner|fianc[eé]e?|girlfriend|boyfriend|kids|children|son|daughter|parents|mother|father|mom|"
    r"mum|dad|in-laws|friends|church|pastor|congregation|landlord|customers|clients|members|tenants|staff|"
    r"team|school|kids' school|community|commanding officer|superiors?|references|sister|brother|cousins?|aunt|uncle|"
    r"(?:mother|father|sister|brother|son|daughter)-in-law|step(?:mom|mum|dad|father|mother|son|daughter|kids)|"
    r"hr department|personnel (?:department|office)|payroll department|"
    r"grandm\w+|grandparents|roommates?|flatmates?|housemates?|bank manager|doctor|priest|coach|teacher|"
    r"whole (?:street|town|village|office|block|building|family))"
    r"|everyone(?: you know| at (?:work|your \w+))?|everybody(?: you know)?|people (?:at|in|from) your (?!position|situation|shoes|circumstances|boat|case)[\w']+)"
)
_TELL: Final = (
    r"(?:tell|tells|telling|told|call|calling|ring|ringing|phone|phoning|contact|contacting|contacted|inform|"
    r"informing|notify|notifying|alert|alerting|email|emailing|text|texting|write to|writing to|"
    r"reach out to|reaching out to|get in touch with|getting in touch with|let|letting|involve|involving|"
    r"send (?:a letter|letters|word|something|a notice|notices) to|mention (?:it|this) to|copy in)"
)
_LEARN: Final = (
    r"(?:find|finds|found|finding) out|learn(?:s|ed|t|ing)?\b|hears?(?:d)? (?:about|of)|"
    r"(?:hearing|hear) from us|gets? wind|got wind|knew|know about|knows about|discover(?:s|ed)?|"
    r"(?:got|get|gets|getting|receives?|receiving) (?:a |the |our |this |some |more )?(?:[\w']+ )?(?:calls?|letters?|visits?|notices?)|"
    r"(?:be|being|were|was|are|is|been) (?:contacted|notified|informed|told|called|involved|copied)|"
    r"(?:will|would|'ll|is going to|are going to|gonna|could|might) (?:all )?know\b|"
    r"(?:think|say)\b"
)
_PLACE: Final = (
    r"(?:your |his |her |the )?(?:house|home|flat|apartment|door|front door|doorstep|place|work|workplace|"
    r"job|office|business|shop|store|premises|site|school|kids' school|children's school|church|gym|"
    r"address|street|neighbou?rhood|area|driveway|yard|garden|parents' (?:house|place|home))s?"
)
# "Come to your senses" is not a visit.
_NOT_PLACE: Final = (
    r"(?:senses|aid|rescue|attention|question|questions|point|call|email|inbox|account|request|decision|mind|"
    r"message|letter|voicemail|concerns?|needs|situation|terms|budget|options|case|file|payment|dispute)\b"
)
_POSSESSIONS: Final = (
    r"(?:cars?|trucks?|vans?|vehicles?|house|home|furniture|tv|telly|belongings|things|stuff|property|possessions|stock|"
    r"shelves|equipment|tools|machines?|machinery|goods|kids|children|dog|boat|bikes?|motorbike|jewel\w*|computers?|"
    r"laptop|phone|everything|assets|inventory|gear|valuables|lot|shop|store|premises|office|garage|warehouse|business)"
)
# Goods the collector says it will take itself (garnishing or freezing is a court's act: a false claim).
_SEIZE: Final = (
    r"(?:take|taking|seize|seizing|repossess|repossessing|tow|towing|grab|grabbing|clear out|collect|collecting|remove|"
    r"removing|pick up|picking up|empty|emptying|impound|impounding|confiscate|confiscating|clean out|strip)"
)
# Seizure the collector says it will carry out: "we'll take your van".
OWN_SEIZURE: Final = _rx(
    rf"(?:we|i|they|our [\w']+|someone|somebody|people)(?:'ll| will| are going to|'re going to| am going to|'m going to|"
    rf" shall| are about to)?(?: [\w']+){{0,5}}? {_SEIZE}(?: away| off| out)? (?:your|the|all your|all the|his|her|every)"
    rf"(?: [\w']+){{0,2}}? {_POSSESSIONS}"
)
THREAT: Final = _rx(
    OWN_SEIZURE.pattern,
    r"(?:ruin|ruining|destroy|destroying|wreck|wrecking|trash|trashing)(?: [\w']+){0,2}? (?:your|his|her) "
    r"(?:credit|life|name|reputation|business|career|marriage|family)",
    r"(?:take|taking|drag|dragging|haul|hauling) (?:you|him|her|them) (?:straight |right )?(?:in)?to court",
    # telling others: "we'll call your employer", "let your wife know"
    rf"{_TELL} (?:all (?:of )?)?{_PARTY}",
    # others finding out: "a shame if your employer found out", "your neighbours will hear about it"
    rf"(?:{_PARTY})(?: [\w']+){{0,5}} (?:{_LEARN})",
    r"(?:what|how) (?:would|will|might|do you think) " + rf"(?:{_PARTY}) (?:think|say|feel|react)",
    rf"(?:what|how) (?:{_PARTY}) (?:would|will|might|are going to|is going to) (?:think|say|feel|react|make of)",
    rf"(?:we|i|we'll|i'll|someone|somebody|our [\w']+)(?: [\w']+){{0,4}} (?:speak|speaking|talk|talking|have a word|having a word|chat|chatting|discuss (?:it|this))"
    rf" (?:to|with) (?:{_PARTY})",
    # a third party who would know, hear, deal with or suffer it
    rf"(?:{_PARTY})(?: [\w']+){{0,4}}? (?:will|would|might|could|may|to|'ll|'d|must|should|can|gonna)(?: [\w']+){{0,4}}? "
    r"(?:know|knows|hear|hears|learn|learns|deal with|suffer|suffers|pay the price|"
    r"pick up the pieces|find out|get dragged|be dragged|get involved|be involved)\b",
    r"see where (?:it|that|this) (?:gets|leaves) you|(?:wouldn't|would not) (?:want|like) to be in your shoes|"
    r"(?:when|once|if) this goes (?:any )?further|take this (?:any )?further",
    r"(?:take|drag|haul|bring)(?:ing)? you (?:in)?to (?:[\w']+ ){0,2}court",
    # a third party reached or told, in any order, unless the debtor is the one who would do it
    rf"(?:ring|call|phone|contact|reach|reached|reaches|explain|email|write to|visit|talk to|speak to|speak with|talk with)"
    rf"(?: [\w']+){{0,4}} (?:to |with )?(?:(?:your|his|her|their) (?:[\w']+ )?{_PARTY_NOUN}|your (?:office|workplace|work number)|"
    r"someone's workplace|people you work with)",
    rf"(?:does|do|did|would|will|has|have) (?:{_PARTY}) (?:know|knows|realise|realize|suspect)",
    r"call to (?:your|someone's|their) (?:workplace|office|employer|boss|work)",
    r"(?:agent|representative|collector|someone|team|officer)(?: [\w']+){0,3} (?:is |are |will be )?in your (?:town|area|street|"
    r"neighbou?rhood|building|village)",
    r"(?:won't|will not|wouldn't|would not) (?:like|enjoy) what (?:happens|comes next|we do)",
    rf"{_POSSESSIONS}(?: [\w']+){{0,2}} (?:will|is going to|are going to|gets|get|would) be (?:collected|taken|removed|picked up|"
    r"towed|repossessed|cleared|seized|impounded|confiscated)",
    r"(?:publish|publishing|print|printing|post|posting|circulate|circulating|share|sharing)(?: [\w']+){0,3} "
    r"(?:names?|details|photos?|list)",
    r"word (?:gets|will get|travels|spreads|will spread|could get) (?:around|round|fast|out)|people (?:will )?talk|news travels",
    # a third party who "would like to know", "would be interested", "might wonder"
    rf"(?:{_PARTY})(?: [\w']+){{0,2}} (?:would|will|might|could|'d|may|must) (?:[\w']+ ){{0,2}}(?:know|like to know|love to know|"
    r"be interested|be curious|find out|hear|learn|see|wonder|be surprised|be shocked|want to know|be told|be informed)",
    rf"(?:imagine|picture|what if) (?:{_PARTY}) (?:seeing|hearing|finding out|knowing|learning|getting|reading)",
    r"(?:we|i)(?:'ve| have| do| already| still)*(?: got| have| know)? your (?:work |home |office |employer's )?"
    r"(?:address|workplace|employer)(?! (?:still|is)\b)",
    rf"(?:send|sending|write|writing|email|emailing|text|texting|message|messaging|post|posting|forward|forwarding)"
    rf"(?: [\w']+){{0,3}} to (?:all )?(?:of )?(?:{_PARTY})",
    r"(?:anything|something)(?: [\w']+){0,3} happen(?:s|ed|ing)? to (?:you|your)",
    r"(?:you'll|you will|you'd|you are going to|you're going to|you're gonna) be sorry",
    r"one way or (?:another|the other)|by any means|whatever it takes",
    r"(?:we|i|they|our [\w']+)(?:'re|'ll|'m| are| will| am| shall)?(?: [\w']+){0,3}? (?:sue|suing|file|filing|issue|issuing|"
    r"start|starting|bring|bringing|launch|launching) (?:a |an )?(?:lawsuit|suit|claim|case|proceedings|legal action|action|"
    r"court action) against you",
    r"(?:think|consider) (?:very |really )?(?:carefully|hard) about what (?:happens|will happen|could happen)",
    r"what (?:happens|will happen|could happen|might happen) (?:if|when) you (?:keep|don't|do not|continue|refuse|ignore)",
    r"(?:don't|do not) want (?:us|me|this|it|things|that) to (?:escalate|get|go|take|come|turn|happen)",
    rf"(?:{_PARTY})(?: [\w']+){{0,2}} (?:interested|curious|surprised|shocked|keen) to (?:learn|hear|know|find out)",
    rf"(?:{_PARTY})(?: [\w']+){{0,2}} (?:would|will|might|could|'d|may|must) be (?:very |really |quite |most |so |extremely )?"
    r"(?:interested|curious|surprised|shocked|keen) (?:in|about|by|to)",
    # holding a third party's contact details: "we have your sister's number"
    rf"(?:have|got|know|found|pulled) (?:{_PARTY})(?:'s|') (?:number|phone|address|details|contact|email|work number|school|work|workplace|employer|job|office)",
    r"(?:everyone|everybody|the whole \w+|people) (?:will|would|is going to|are going to|'ll) (?:know|find out|hear|see)",
    # knowing where they live, work, or where the children are
    r"(?:know|knows|found|find out|have|got|know exactly) where (?:you|your [\w']+(?: [\w']+)?) "
    r"(?:live|lives|work|works|go|goes|sleep|park|parks|stay|shop|hang out|are|is)",
    r"know (?:your|the) (?:home |work )?address",
    r"know (?:which|what) school",
    # visits: "we'll come to your house", "being visited at home or work", "a field agent in your area"
    r"(?:be|being|stay) (?:at )?home (?:tomorrow|tonight|today|this \w+|on \w+day)(?:,? [\w']+){0,4} (?:coming|come|visit|round|by)",
    r"(?:come|coming|comes|show up|showing up|turn up|turning up|stop by|stopping by|drop by|dropping by|swing by|"
    r"pop round|pop by|be round|be over|be at|be outside|be waiting|waiting|knock|knocking|knocks|visit|visiting|"
    r"pay (?:you )?a visit|paying (?:you )?a visit|sit outside|meet you|meeting you|see you|catch you|"
    r"(?:call|calling) (?:round|by|in|at)|(?:drop|dropping|pop|popping|head|heading|run|running|nip|nipping)(?: (?:round|by|over|down|in))?|(?:send|sending|sent) (?:someone|somebody|people|a team|an agent|"
    r"a field \w+|our (?:field )?[\w']+|a representative|a collector|the boys|guys|round|over)(?: round| over| out)?)"
    rf"(?:(?: [\w']+){{0,4}}? (?:to|at|by|round|over|outside|on|in|near|around))? (?:{_PLACE}|your (?!{_NOT_PLACE})[\w']+)",
    r"(?:be|being|get|getting) (?:visited|a visit|a home visit|a knock)",
    r"(?:home|house|doorstep|workplace|field|personal|in-person|door-to-door) (?:visit|visits|call|calls)",
    r"field (?:agent|agents|officer|officers|team|representative|investigator|collector)s?",
    r"(?:agent|agents|someone|somebody|people|representative|collector|team)(?: [\w']+){0,3} in your (?:area|neighbou?rhood|street)",
    r"(?:at|on|outside) your (?:door|doorstep|front door)",
    # harm and menace
    r"(?:hurt|harm|beat|smash|burn|kill|injure|break) (?:you|your|him|her)",
    r"(?:get|gets|getting) hurt",
    r"watch (?:your back|yourself|your step|out)",
    r"something (?:bad |unfortunate |terrible )?(?:might|could|will|may|would) happen",
    r"accidents? (?:happen|can happen|could happen)",
    r"you(?:'ll| will| are going to| would)? regret",
    r"or else",
    r"you(?:'d| had| would)? better (?:pay|watch|be careful|think|get|find)",
    r"(?:you )?(?:don't|do not) want to (?:find out|see|know|test|push|mess)",
    r"(?:things|this|it|that)(?:'ll| will| could| can| is going to| are going to| might| would|'s going to) (?:get|turn|become) "
    r"(?:very |really |pretty |quite |a lot |much )?"
    r"(?:ugly|nasty|worse|messy|very bad|bad|unpleasant|difficult|complicated|uncomfortable)",
    r"make (?:your life|life|things|this|it) (?:\w+ )?(?:hell|miserable|a misery|difficult|hard|unpleasant|uncomfortable)"
    r"(?: for you)?",
    r"make you (?:pay|suffer|regret|sorry)",
    r"teach you a lesson",
    r"hunt you down|track you down|come after you|coming after you|nowhere to hide|can't hide",
    r"(?:we|i|they)(?:'ll| will| are going to)? find you",
    # shaming and exposure to the public
    r"(?:post|posting|publish|publishing|put|putting|list|listing|share|sharing|print|printing|advertise|"
    r"announce|plaster|name)(?: [\w']+){0,4} (?:online|on facebook|on social media|on the internet|in the (?:local )?paper|"
    r"in the newspaper|on (?:a|our|the) (?:list|wall|website|blacklist|board|window|notice board)|in public|publicly)",
    r"(?:name|names|photo|picture|details|debts?|face) (?:in|on) (?:the |a |our )?(?:local )?(?:paper|newspaper|news|internet|"
    r"facebook|social media|website|noticeboard|notice board|blacklist)",
    r"(?:name and shame|blacklist(?:ed)?|public(?:ly)? (?:list|name|shame|humiliat\w*|embarrass\w*))",
    r"(?:will|'ll|going to|gonna|could|can|would|might|to) (?:publicly )?(?:shame|humiliate|embarrass|expose|disgrace) you",
    r"(?:real |such a |a |terrible |awful )?shame if",
    r"(?:save yourself|spare yourself|avoid) (?:the |a lot of |any )?(?:embarrassment|humiliation|shame)",
    r"(?:embarrassing|humiliating) for you",
    r"(?:could|would|might|will) (?:get|be|become) (?:very |really )?(?:embarrassing|humiliating|awkward) (?:for you|at work|at home)?",
    # lawsuits stated as done deals (a referral that "may" happen is lawful)
    r"(?:we|i|they|our (?:lawyers|attorneys|solicitors|legal (?:team|department)))(?:'ll| will| are going to| am going to|"
    r"'re going to|'m going to| are about to| have decided to| shall)? (?:sue|be suing|take you to court|drag you to court|"
    r"haul you (?:in)?to court|file (?:a )?(?:lawsuit|suit|claim|case) against you|start (?:legal )?proceedings against you)",
    r"see you in court",
    r"(?:legal action|lawsuit|court action|proceedings)(?: [\w']+){0,4} (?:today|tomorrow|tonight|this week|in 24 hours|"
    r"within 24 hours|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow)|first thing)",
    r"(?:lawsuit|legal action|court action|proceedings|suit) (?:will be|is being|are being|has been|have been) "
    r"(?:filed|started|issued|brought|taken|launched) against you",
    r"(?:is|'s|are|'re) (?:going|heading|being sent|being taken) (?:straight |right |directly )?(?:to|into) court|"
    r"(?:will|'ll) (?:go|be going|be sent|end up) (?:straight |right |directly )?(?:to|in) court",
    # a third party the collector would reach, by any verb of contact: "give your references a ring"
    rf"(?:give|giving) (?:{_PARTY})(?: department| team| office| people)? (?:a )?(?:quick |little )?(?:ring|call|bell|buzz|"
    r"shout|visit|heads-up|heads up)",
    rf"(?:{_PARTY}) (?:is|will be|'s|are|would be) (?:our|my) (?:next|first) (?:call|stop|port of call|step|contact)",
    rf"(?:make sure|ensure|see to it that|see that) (?:{_PARTY}) (?:knows?|hears?|finds? out|learns?|sees?)",
    # a third party named, then the collector who would explain it "to him"
    rf"{_PARTY_NOUN}\b[^.?!]{{0,40}}[.?!]? (?:i|we)(?:'ll| will| could| can| might| would| shall)?(?: just| simply| always)? "
    r"(?:explain|tell|mention|pass on|spell out|go through)(?: [\w']+){0,3} (?:to|with) (?:him|her|them)",
    # a third party who would start to ask, notice or wonder
    rf"(?:{_PARTY})(?: [\w']+){{0,2}} (?:are going to|is going to|'re going to|'s going to|will|would|might|could|may) "
    r"(?:start |begin |soon )?(?:asking|ask|notice|noticing|wonder|wondering|question|questioning)",
    # drawing them in: "a pity to drag them into this"
    rf"(?:drag|dragging|bring|bringing|pull|pulling|get|getting|involve|involving|mix|mixing)(?: [\w']+){{0,2}}? "
    rf"(?:them|him|her|(?:your |his |her )?(?:[\w']+ )?{_PARTY_NOUN}) (?:into|in on|up in|involved in) (?:this|it|all this|the matter)",
    r"(?:real |such a |a |terrible |awful )?pity if",
    r"(?:bad|nasty|terrible|unfortunate|awful|unpleasant) things (?:happen|can happen|could happen|tend to happen|might happen)|"
    r"have (?:bad|nasty|terrible|unfortunate|awful) things happen",
    r"(?:people|folks|neighbou?rs|tongues)(?: (?:in|around|at|on|round|from) [\w' ]{1,30}?)? (?:talk|gossip|wag)\b|gossip",
    # knowing where the family is: "your daughter's school", "your parents still live on Oak Lane"
    r"your (?:kids?'?s?|children's|daughter's|son's|child's|wife's|husband's|partner's|mother's|father's|parents'|family's) "
    r"(?:school|nursery|daycare|college|work|workplace|office|job|employer|house|home|address|street)",
    rf"(?:{_PARTY})(?: still| now)? (?:live|lives|living|work|works|working|stay|stays) (?:on|at|in|near|round|around|down|over|by)",
    rf"(?:{_PARTY})(?: [\w']+){{0,3}} (?:talk|knock|put|drum) (?:some )?sense into you",
    # asking a third party about it, paying a place a visit, holding details and using them
    rf"(?:we|i|we'll|i'll|we'd|i'd)(?: [\w']+){{0,4}} (?:ask|asking|check with|question|questioning) (?:{_PARTY})",
    r"(?:pay|paying|paid) (?:[\w']+ ){1,3}a (?:visit|house call|little visit)",
    r"(?:not afraid|won't hesitate|will not hesitate|don't hesitate) to (?:use|call|contact|visit|ring|tell)",
    r"(?:we|i)(?:'ve| have)?(?: got)? (?:our |other |many |plenty of )?(?:ways|means|methods) (?:of|to) (?:getting|get|making|make|"
    r"reaching|finding)|let's just say",
    # exposure online or in a group
    r"(?:end up|wind up|go|get|be|appear|turn up|show up|land) (?:on|in) (?:facebook|social media|the internet|online|"
    r"the (?:local )?(?:paper|news|newspaper))",
    r"(?:make sure|ensure) (?:your|his|her) (?:name|debt|situation|account)(?: [\w']+){0,2} (?:comes up|gets (?:around|out|"
    r"mentioned)|is (?:mentioned|known|raised|read out)|goes (?:around|out))",
)
# A consequence framed as what a court would decide, or a referral that may happen, is lawful.
_LAWFUL_FRAME: Final = re.compile(
    r"\b(?:if (?:a|the) (?:court|judge)|(?:a|the) court (?:could|may|might|would have to|must)|only (?:a|the|after a) court|"
    r"after (?:a |the )?(?:court |)judgment|with a (?:court )?(?:judgment|order)|(?:can't|cannot|can not|won't|not|never|no one|nobody|nothing)(?: [\w']+){0,6} without a (?:court )?(?:judgment|order)|court order(?:s)? (?:is|are) needed|"
    r"would need a (?:court|judgment)|unless a court|once a court)\b",
    _I,
)

# --- false claims: authority, crime, seizure without a judgment -------------------------------------

_TITLE: Final = (
    r"(?:officer|deputy|sergeant|sgt|detective|inspector|constable|marshal|trooper|captain|lieutenant|sheriff|judge|"
    r"investigator|special agent|agent|prosecutor|magistrate|bailiff|commissioner|warden)"
)
_GOODS: Final = (
    r"(?:wages|pay|paycheck|paychecks|salary|bank accounts?|accounts?|car|truck|van|vehicle|house|home|property|assets|"
    r"benefits|pension|tax refund|belongings|funds|money|savings|possessions|furniture|equipment|stock|tools|earnings)"
)
FALSE_CLAIM: Final = _rx(
    r"arrest(?:ed|ing)?|jail(?:ed)?|prison|imprison\w*|locked up|lock you up|behind bars|handcuff\w*|custody",
    r"(?:a |an |the )?warrants?(?: (?:for|out for|has been|is being|will be|was) [\w ]{0,20})?",
    r"criminal(?: (?:charges?|record|case|offen[cs]e|complaint|prosecution|investigation|matter|proceedings))?",
    r"prosecut\w+|(?:press|pressing|file|filing|bring|bringing) charges|charged with|felony|misdemeanou?r",
    r"(?:it's|it is|this is|that is|that's|this counts as|you are committing|you're committing|considered) "
    r"(?:a |an )?(?:crime|fraud|theft|illegal|criminal|against the law|stealing)",
    r"(?:police|cops|sheriff(?:'s)?(?: office| department)?|sheriffs|law enforcement|fbi|marshals?|state troopers?|"
    r"district attorney|attorney general|prosecutor's office|fraud (?:squad|unit|department|division|investigators?))",
    rf"(?:this is|i am|i'm|it's|my name is|speaking is|you're speaking (?:to|with)|you are speaking (?:to|with)) {_TITLE} [a-z]+",
    rf"{_TITLE} [A-Z][a-z]+ (?:here|speaking|calling)",
    r"(?:i'm|i am|this is|speaking is) (?:a |an |the |your )?(?:[\w']+ ){0,2}(?:lawyer|attorney|solicitor|barrister|judge|"
    r"police officer|detective|bailiff|magistrate|process server|court officer)s?",
    r"(?:i am|i'm|this is|we are|we're|i work for|i'm with|i am with|calling (?:from|on behalf of)|ringing from)"
    r" (?:a |an |the |your |our )?(?:local |county |state |federal |district |city )?"
    r"(?:attorney|lawyer|solicitor|barrister|law firm|law office|legal (?:firm|officer|investigator|department of the court)|"
    r"court|courthouse|county court|government|department of justice|irs|hmrc|tax office|police|sheriff|magistrate|"
    r"judge|process server|court officer|enforcement office|high court)",
    r"(?:court|legal) (?:papers|summons|documents) (?:will|are going to|are being|have been|has been)",
    r"(?:i'm|i am|i work|calling|ringing|speaking)(?: [\w']+){0,5} of the (?:court|courthouse|county court|state|sheriff)",
    r"(?:you will|you'll|you are going to|you're going to|about to) be (?:served|summoned|summonsed|"
    r"charged(?! (?:\d|a |an |interest|fees?|for|[$£€]|extra|more|late|per|each|monthly|on))|prosecuted)",
    r"(?:process server|served with papers|served at)",
    r"(?:the|a) (?:court|judge|government|state|irs|sheriff) (?:has|have|had) (?:already )?(?:ordered|instructed|authori[sz]ed|issued|"
    r"approved|signed|asked)",
    r"(?:lien|charging order|judgment|garnishment order|levy|court order|warrant)s? (?:will|is going to|has|have|is|are)"
    r" (?:be |been |being )?(?:placed|filed|put|registered|issued|entered|obtained|granted|signed)",
    r"immigration status|visa status|residency status|green card",
    rf"^(?:{_TITLE}) [A-Z][a-z]+",
    r"case (?:number|reference|file)|docket|court date|appear (?:in|before) (?:the |a )?(?:court|judge|magistrate)",
    r"(?:take|taking|deduct|deducting|dock|docking|garnish|garnishing)(?: [\w']+){0,4} (?:of|from|out of) your (?:salary|wages|"
    r"paycheck|pay|benefits|pension|earnings)",
    r"(?:accounts?|savings|wages|salary|pension|benefits)(?: [\w']+){0,4} (?:will|is going to|are going to|gets|get|can|could) be "
    r"(?:emptied|drained|cleared|frozen|seized|taken|garnished|levied)",
    r"(?:legally )?(?:allowed|entitled|permitted|authori[sz]ed|have the right|has the right) to (?:take|seize|repossess|garnish|"
    r"freeze|tow|collect from|enter)",
    r"the (?:attorney|lawyer|solicitor|barrister|paralegal) (?:handling|assigned|on|for|representing|dealing)",
    r"(?:passed|referred|sent|handed)(?: over)? to (?:the |our )?(?:fraud|criminal|police|enforcement) (?:team|unit|department|"
    r"division|squad)",
    r"fraud team",
    r"(?:passport|visa|licen[cs]e|benefits)(?: [\w']+){0,3} (?:flagged|revoked|cancelled|canceled|suspended|blocked|stopped)",
    r"(?:i'm|i am|this is|we're|we are|i work|calling|ringing|speaking)(?: [\w']+){0,5} (?:at|from|for|with|on behalf of|"
    r"represents?|representing) the (?:court|courthouse|courts|state|county|sheriff|government|police|district attorney)\b",
    r"(?:paralegal|clerk|bailiff|marshal|deputy|registrar) (?:at|of|from|for) the (?:court|courthouse|county|state)",
    r"(?:same as|just like|equivalent to|no different from|basically|amounts to|tantamount to) (?:stealing|theft|fraud|a crime|"
    r"committing (?:a crime|fraud))",
    r"enforcement officers?|high court enforcement|irs|hmrc|inland revenue|tax (?:office|authorities)|immigration",
    r"(?:officer|agent|representative|member|officers) of the (?:court|law|state|government|police|county)",
    r"(?:filed|issued|started|brought|lodged|entered)(?: [\w']+){0,2} against you",
    r"(?:the )?authorities",
    r"(?:is|it's|this is|now) (?:now )?(?:a |an )?(?:federal|criminal|police|court|government|state) (?:matter|case|offen[cs]e|investigation)",
    r"(?:take|taking|deduct|deducting|deducted|docked|dock|taken|come|coming|collect|collected)(?: it| the money| this| payments?)?"
    r"(?: straight| directly| right)? (?:out of|from) your (?:wages|pay|paycheck|salary|benefits|pension|account|bank account|"
    r"social security|earnings)",
    r"writs?(?: of [\w']+)?",
    r"(?:i work for|calling from|ringing from|i'm with|i am with|this is) the (?:county|state|city|council|government|court)",
    r"(?:report|reported|reporting|refer|referred|referring|hand|handing) you (?:over )?to (?:immigration|the police|the authorities|"
    r"ice|the irs|hmrc|the fbi|the courts|law enforcement|the home office|the cops)",
    r"(?:is|are|counts as|amounts to|considered|constitutes|classed as) (?:a |an )?(?:crime|theft|fraud|illegal|criminal|"
    r"against the law|(?:criminal |an )?offen[cs]e)",
    r"as (?:a|an|your|the company's|our|the) (?:lawyer|attorney|solicitor|barrister|officer|judge|police officer)",
    r"(?:papers|summons|documents|a claim|a case|a suit|proceedings|court papers) (?:are|is|have|has|will) (?:already )?"
    r"(?:being |been |be )?(?:drawn up|prepared|filed|issued|served|lodged)",
    r"(?:serve|serving) you(?: with)?",
    r"(?:judgment|judgement|ccj|county court judgment|default judgment|order)s? (?:has|have|was|were|is) (?:already )?(?:been )?"
    r"(?:entered|granted|obtained|made|issued) against you",
    r"(?:investigat\w+|reported|referred|flagged) (?:for|to|into|with) (?:fraud|theft|a crime|the police|law enforcement|"
    r"criminal|the fraud)",
    r"(?:credit|report|record|file|name)(?: [\w']+){0,4} (?:forever|permanently|for life|for the rest of your life|for good)",
    r"(?:have|get|getting|having) (?:your|the) (?:[\w']+ ){0,2}(?:seized|garnished|frozen|repossessed|impounded|towed|levied|"
    r"taken away)",
    r"deport\w*|(?:lose|losing|revoke|revoked|take away|suspend)(?: [\w']+){0,2} (?:your )?"
    r"(?:licen[cs]e|passport|visa|green card|citizenship|benefits|social security|children|kids|custody)",
    # seizure and garnishment as if no court stood between the debt and the debtor's goods
    r"(?:garnish\w*|seiz(?:e|ed|es|ing|ure)|repossess\w*|impound\w*|confiscat\w*|levy|levied|freeze|frozen|attach(?:ment)? of)"
    rf"(?: [\w']+){{0,4}}? (?:your|his|her|the|all your|all|every)(?: [\w']+)? {_GOODS}",
    r"(?:take|taking|took|tow|towing|pick up|picking up|collect|collecting)(?: away)? (?:your|the|all your) "
    r"(?:car|truck|van|vehicle|house|home|furniture|tv|belongings|things|stuff|property|possessions|wages|paycheck|"
    r"salary|pension|benefits|tax refund|equipment|tools|stock)",
    r"(?:put|place|placing|putting|file|filing|register) (?:a |an )?(?:lien|charging order)",
    r"(?:bailiffs?|enforcement agents?|high court enforcement|sheriff's officers?|repo (?:men|man|guys|truck|company))",
    r"(?:wages|paycheck|salary|pay|bank account|account|accounts|car|house|home|property|benefits|pension|social security|"
    r"welfare|universal credit|disability|allowance)"
    r"(?: [\w']+){0,2} (?:will|would|can|could|is going to|are going to|gets|get) (?:be )?"
    r"(?:garnished|seized|frozen|taken|levied|attached|repossessed|docked|stopped)",
    r"(?:credit|credit score|credit rating|credit file|name)(?: [\w']+){0,3} (?:ruined|destroyed|wrecked|blacklisted)"
    r"(?: (?:forever|for life|permanently|for good))?",
    r"never (?:get|be approved for|qualify for|be able to get) (?:a |an |any )?(?:loan|credit|mortgage|job|lease|card)"
    r"(?: [\w']+){0,2} again",
    r"(?:has|have) (?:already )?been (?:approved|authori[sz]ed|cleared|scheduled) (?:for|to take|to start|to begin|to file) "
    r"(?:legal action|litigation|a lawsuit|garnishment|seizure|repossession|proceedings)",
    r"(?:our|the) (?:lawyers?|attorneys?|solicitors?|legal (?:team|department)) (?:have|has) (?:been )?"
    r"(?:instructed|authori[sz]ed|ordered|told) to (?:sue|file|proceed|take|start|begin)",
    r"(?:appointed|authori[sz]ed|commissioned|deputi[sz]ed|empowered|retained|hired|sent|mandated) by (?:the )?(?:state|courts?|"
    r"government|county|federal government|irs|police|sheriff|judge|attorney general|department of \w+)",
    r"(?:call|message|letter|notice)(?: is| comes)? from (?:the )?(?:[\w']+ )?(?:court|courts|county|state|sheriff|government|"
    r"police|enforcement office|enforcement)",
    r"(?:tax refund|refund|tax return|stimulus)(?: [\w']+){0,2} (?:will|would|can|could|is going to|gets|get) (?:be )?"
    r"(?:intercepted|withheld|offset|seized|taken|garnished|redirected|frozen)",
    r"(?:credit|report|record|file)(?: [\w']+){0,4} for (?:the next |another |at least )?(?:(?:eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|fifty)(?:-\w+)?|[89]|\d\d) years",
    # a role claimed: an office of government or law by its name, a legal title, a lawyer at work on the file
    r"(?:department|office|bureau|division|board|commission|agency|ministry) (?:of|for) (?:[\w']+ ){0,2}(?:enforcement|justice|"
    r"recovery|revenue|treasury|investigations?|crimes?|fraud)",
    r"(?:federal|state|county|government|national|criminal)(?: [\w']+){0,2} (?:division|department|bureau|agency|unit|office|"
    r"authority|service)",
    r"(?:i'm|i am|this is|we're|we are|calling from|with) (?:a |an |the )?(?:[\w']+ ){0,2}(?:paralegal|legal assistant|"
    r"legal clerk|law clerk|court clerk|legal secretary)",
    r"(?:law firm|law office|legal firm|counsel) (?:handling|representing|retained|assigned|acting|on)",
    r"(?:our|the|an?) (?:attorneys?|lawyers?|solicitors?|legal counsel|counsel)(?: [\w']+){0,2} (?:has|have|is|are)"
    r"(?: [\w']+){0,2} (?:reviewed|reviewing|looked at|looking at|approved|approving|signed off|assigned|handling|working on|"
    r"preparing|prepared|drawn up|drafting|studied|gone over|going over)",
    r"(?:on|at) (?:our|the|a) (?:lawyer|attorney|solicitor|legal)(?:'s|s')? (?:desk|office|table)",
    r"(?:file|account|case|paperwork|papers|matter)(?: [\w']+){0,3} (?:is|are|'s|has been|have been) (?:sitting |now |already )?"
    r"(?:with|at|on) (?:our|the) (?:lawyers?|attorneys?|solicitors?|legal (?:team|department))",
    # crime implied: the law broken
    r"(?:a )?(?:violation|breach) of (?:federal|state|criminal|the) (?:law|statute)|(?:breaking|violating|broke|violated) "
    r"(?:the|federal|state) law|(?:federal|state|criminal) (?:offen[cs]e|statute)s?",
    # an order or hold on the debtor's goods, as if a court had already acted
    r"(?:an? |the )?(?:order|warrant|judgment|writ|garnishment)s? (?:out|issued|in place|pending|signed) (?:for|against|on) "
    r"(?:you|your)",
    rf"(?:put|place|placing|putting|slap|slapping) (?:a )?(?:hold|freeze|block|stop|lien) on (?:your|the) (?:[\w']+ )?{_GOODS}",
    # credit reporting misstated: deletion promised for payment, a fraud label
    r"(?:wipe|wiping|remove|removing|delete|deleting|erase|erasing|clear|clearing|take|taking) (?:it |this |the [\w']+ )?"
    r"(?:off|from) (?:your )?(?:credit (?:report|file|record|history|score)|report|file)",
    r"(?:flag|flagged|report|reported|list|listed|mark|marked)(?: [\w']+){0,5} as (?:a )?(?:fraud\w*|criminal|thief|fraud risk)",
)

# --- abuse ---------------------------------------------------------------------------------------------

INSULT: Final = _rx(
    r"deadbeats?|dead beats?|idiots?|idiotic|stupid|morons?|moronic|losers?|liars?|lazy|scum(?:bags?)?|bums?|"
    r"freeloaders?|scroungers?|leech(?:es)?|parasites?|useless|pathetic|thie(?:f|ves)|crooks?|cheats?|clowns?|dumb|"
    r"imbeciles?|worthless|trash|spongers?|waste of space|waste of oxygen|no-good|good[- ]for[- ]nothing|dimwits?|"
    r"halfwits?|nitwits?|lowlifes?|low[- ]lifes?|degenerates?|slobs?|jerks?|fools?|cheapskates?|brainless|"
    r"retard\w*|white trash|incompetent|ignorant|irresponsible|childish|spineless|disgrace(?:ful)?|disgusting|"
    r"老赖|骗子|无赖",
    r"you(?:'re| are| were) (?:just |obviously |clearly |simply )?(?:lying|a liar|lying to me|making (?:it|this|that|things) up|"
    r"full of it|dodging|playing games|a joke|hopeless|unbelievable)",
    r"you lied|stop lying|quit lying|don't lie to me|lying to me|you're a fraud|what a (?:joke|liar|load)",
    r"you people|people like you|your kind|someone like you|folks like you|your sort|you lot",
    r"what kind of (?:a )?(?:person|parent|man|woman|mother|father|adult|human being)",
    r"shame on you|(?:you )?should be ashamed|ashamed of yourself|how do you (?:sleep|live with yourself)|"
    r"grow up|act like an adult|act your age|man up",
    r"are you (?:stupid|deaf|dumb|slow|an idiot|thick|simple|for real|kidding me)",
    r"(?:can't|cannot) you (?:read|understand|count|hear)|do you (?:even )?(?:understand|speak) (?:english|plain english|simple)",
    r"not rocket science|a child could|even a child|it's not that hard|is it really that hard",
    r"sob story|excuses,? excuses|cry me a river|boo hoo|stop (?:whining|crying|snivell?ing|moaning|bitching)|"
    r"quit (?:whining|crying|moaning)",
    r"(?:no one|nobody) (?:believes|buys) (?:you|that|it|your)|(?:i )?(?:don't|do not) believe a (?:word|thing) (?:you|you're|of it)",
    r"(?:you're|you are) a grown (?:man|woman|adult|up)|act like (?:one|an adult|a grown-up|a grown up)|play(?:ing)? dumb",
    r"(?:best|another|a new|latest) (?:lie|excuse|story|fairy tale) you|(?:is that|that's|what a) (?:a )?(?:lie|fairy tale)",
    r"don't insult my intelligence|do you think i'm (?:stupid|an idiot)",
    r"what(?:'s| is) wrong with you",
    r"heard (?:better|that|this|those) (?:one|ones|excuse|excuses|lie|lies|story|stories) (?:before|from)",
    r"piece of (?:shit|crap|work|garbage|trash|junk)",
    r"full of (?:excuses|it|lies|crap|nonsense)|you(?:'re| are) (?:just |nothing but )?a waste",
    r"(?:a|any) (?:responsible|decent|normal|grown|honest|reasonable|sensible) (?:adult|person|human|man|woman|parent) would",
    r"act(?:ing)? like (?:a |an )?(?:child|baby|kid|toddler|teenager|spoiled \w+)|your type|your lot|"
    r"(?:your|those|these|more|the same|all these) (?:lies|fairy tales|sob stories)",
    # what the debtor said called worthless: "that rubbish", "expect me to believe that"
    r"(?:that|this|your|such|what) (?:utter |complete |total |absolute )?(?:rubbish|nonsense|garbage|baloney|drivel|tripe|"
    r"cobblers|codswallop|twaddle|hogwash|claptrap|horseshit|bs)",
    r"(?:expect|want) me to (?:believe|buy|swallow|fall for) (?:that|this|it)",
    # a slur on the debtor's mind or character, however it is put
    r"(?:are you|you(?:'re| are)|you seem|you sound)(?: (?:always|really|just|that|this|so|being|such a|a bit|quite|deliberately))* "
    r"(?:dense|thick|dim|slow|simple|clueless|selfish|greedy|feckless|gormless|spoilt|spoiled|entitled(?! to)|dishonest|"
    r"shameless)",
    r"clueless|feckless|gormless|dimwitted|con (?:artist|man)|conman|fraudster|chancer|swindler|grifter|scammer|hustler",
    r"(?:like|as) (?:a |an )?(?:little )?(?:child|baby|kid|toddler|teenager|schoolboy|schoolgirl)",
    r"(?:stop|quit|enough of|enough with|spare me) (?:making |giving me |with )?(?:the |your |all these |these )?excuses",
    # a lecture on the debtor's spending
    r"if you (?:spent|wasted|blew|splashed) less|(?:stop|quit) (?:spending|wasting|blowing)(?: [\w']+){0,2} on|"
    r"(?:spent|spend|spending|wasted|waste|wasting|blew|blow|blowing)(?: [\w']+){0,3} (?:on|at) (?:takeaways?|takeout|beer|booze|"
    r"drink|cigarettes|smokes|holidays|vacations|gambling|the pub|nights out|designer \w+|luxuries|junk|fancy \w+)",
    r"(?:nobody|no one|anyone|anybody|any [\w']+) with (?:any |an ounce of |a shred of |a scrap of )?(?:self-respect|self respect|"
    r"dignity|pride|sense|brains|common sense|decency|morals|integrity|shame)",
    r"(?:have you|you have|you've got|you've) no (?:shame|pride|self-respect|dignity|morals|decency|sense)",
    r"play(?:ing)? the (?:victim|martyr|innocent|poor me|sympathy card)",
    r"what (?:kind|sort|type) of (?:a )?(?:[\w']+ )?(?:person|parent|man|woman|mother|father|adult|human being|grown-up)",
    r"sob stor(?:y|ies)",
)

# --- profanity -----------------------------------------------------------------------------------------

PROFANITY: Final = _rx(
    r"f+u+c+k\w*|motherf\w*|sh[i1]t\w*|bullshit|bitch\w*|bastards?|ass(?:hole)?s?|jackass|dumbass|arse(?:hole)?s?|"
    r"dick(?:head)?s?|cunts?|piss(?:ed)? off|goddamn\w*|god damn\w*|wtf|stfu|pricks?|wankers?|twats?|"
    r"son of a bitch|screw you|[fs]\*{2,}\w*|f-word|他妈的|操你"
)
MILD_PROFANITY: Final = _rx(
    r"damn(?:ed|it)?",
    r"hell",
    r"jesus(?: christ)?",
    r"christ almighty",
    r"for christ's sake",
    r"crap\w*",
    r"bloody",
    r"bugger\w*",
    r"sod(?: off)?",
    r"pissed",
    r"freaking",
    r"frigging",
)

# --- fees ----------------------------------------------------------------------------------------------

FEE: Final = _rx(
    r"(?:[a-z]+[- ])?(?:[a-z]+ )?(?:fees?|surcharges?|penalt(?:y|ies))",
    r"(?:late|processing|service|admin(?:istration)?|handling|collection|convenience|extra|additional|phone|card|"
    r"transaction|recovery|legal|returned payment|reinstatement|default|arrears|account|statement) charges?",
    r"(?:administration|admin|processing|handling|collection|legal|court|recovery|service|tracing|enforcement) costs?",
    r"(?:an |and )?(?:extra|additional) [$£€]\d[\d,.]*",
    r"(?:add|adding|added|charge|charging|charged|plus|apply|applying|applied|with) (?:[\w']+ ){0,3}interest",
    r"interest (?:will|is going to|keeps|continues to|of|at|rate|charges?|on top|piling|building|accru\w*|is being|has been)",
    r"(?:pile|piling|piles|build|building|builds) up (?:in )?interest",
)
_NOT_FEE: Final = re.compile(
    r"\b(?:free of charge|no charge|no (?:extra |additional )?(?:fees?|cost|interest)|without (?:any )?(?:fees?|interest)|"
    r"interest(?:ed|ing)|in your (?:best )?interest|in the interest|of interest|fee-free|fee free|"
    r"(?:zero|0%?) interest|interest[- ]free|freeze (?:the )?interest|frozen|stop(?:ped)? (?:the |all )?interest)\b",
    _I,
)
# A fee taken away or denied: "we can waive the late fee", "no penalty".
_FEE_OFF: Final = re.compile(
    r"(?<![\w'])(?:waiv\w*|remov\w*|drop\w*|cancel\w*|refund\w*|no|without|zero|free of)(?:\s+[\w']+){0,2}\s*$", _I
)
_CITES_AGREEMENT: Final = re.compile(
    r"\b(?:under|per|as per|in line with|according to|set out in|as set out in|as stated in|as in|in|by) "
    r"(?:your|the) (?:credit |loan |card |original |signed )?(?:agreement|contract|terms(?: and conditions)?|t&cs)\b",
    _I,
)

# --- pressure to borrow, use credit or sell belongings to pay ------------------------------------------

_LENDER: Final = (
    r"(?:your |a |some )?(?:family|friends?|parents|mother|father|mom|mum|dad|relatives?|brother|sister|"
    r"in-laws|grandparents?|kids|children|son|daughter|partner|spouse|wife|husband|boss|employer|someone|"
    r"anyone|anybody|somebody|neighbou?rs?|church|colleagues?)"
)
BORROW: Final = _rx(
    r"borrow(?:ing|s)?|borrowed from (?:your|a|family|friends|someone|somebody)",
    r"(?:a|an|another|new|some) (?:[\w'-]+ )?loan",
    r"(?:overdraft|credit limit|credit line|loan|limit) (?:extension|increase|top-up|top up)",
    r"ask (?:your|the) (?:bank|lender|card company|credit card company) (?:for|to)",
    r"(?:take|taking|took|get|getting|apply for|applying for) (?:out )?(?:a |an |another |some )?(?:quick |small |short-term |personal |payday |title |"
    r"car |home equity |bank )?(?:loan|payday loan|cash advance|advance|overdraft|credit card|new card|line of credit|"
    r"second mortgage|remortgage|title loan)",
    r"payday (?:loan|lender|advance)s?|cash advance|title loan|pawn\w*|logbook loan",
    r"(?:remortgage|refinance|re-mortgage)(?: [\w']+){0,2} (?:house|home|property|flat)?",
    r"(?:raise|raising|increase|increasing|up|extend|extending|max|maxing|max out) (?:out )?(?:your |the |my )?"
    r"(?:credit |card |overdraft )?(?:limit|overdraft|credit line|credit)",
    r"max(?:ed|ing)? out",
    r"(?:put|putting|stick|sticking|charge|charging|pay|paying|clear|clearing|cover|covering)"
    r"(?: [\w$,.']+){0,3}? (?:on|onto|with|from|off) "
    r"(?:a |your |another |the |one of your )?(?:credit cards?|card limit|overdraft|store cards?|other cards?|credit line)",
    r"use (?:a |your |another )?(?:credit card|overdraft|store card|credit line) to (?:pay|clear|cover|settle)",
    rf"(?:ask|asking|get|getting|borrow from|hit up|tap|lean on) {_LENDER} (?:for (?:the |a |an |some )?(?:money|loan|cash|help|advance|sub|\$)|"
    rf"to (?:lend|loan|help (?:you )?(?:out|pay|cover)|cover|front|spot|chip in|pay|give|bail))",
    rf"(?:can|could|would|will|can't|couldn't|won't|wouldn't) {_LENDER} (?:not )?(?:lend|loan|help you (?:out|pay)|cover|spot|"
    r"front|chip in|bail you out|give you)",
    r"(?:use|using) (?:the|your) (?:credit card|overdraft|store card|credit line)s? (?:you have|you've got)",
    rf"{_LENDER}(?: [\w']+){{0,2}} (?:could|can|might|would|will|should|must) (?:[\w']+ )?(?:club together|chip in|pitch in|"
    r"help out|help you out|help with|cover (?:it|this|you|the \w+)|lend|loan|bail you out|sort (?:it|this) out|pay (?:it|this|for)|"
    r"spot you|front you|give you)",
    r"balance transfer|transfer the balance|(?:apply|applying) for (?:a |an |another )?(?:[\w']+ )?(?:credit card|card|loan|overdraft)",
    r"sell(?:ing)? (?:a few |some |off |a couple of )?(?:[\w']+ ){0,2}(?:things|stuff|bits|items|belongings|possessions)|"
    r"on (?:ebay|gumtree|craigslist|facebook marketplace|vinted)",
    r"(?:take|taking|use|using|dip|dipping|raid|raiding|empty|emptying|withdraw|withdrawing|cash|cashing)(?: it| the money| some| "
    r"cash)? (?:out of|from|into) (?:your |the )?(?:[\w']+ )?(?:savings|pension|401\(?k\)?|isa|retirement|college fund)",
    r"borrow(?:ing)? against",
    r"(?:an? )?advance (?:on|against|from|of) (?:your |next month's |this month's )?(?:salary|wages|pay|paycheck|pension|benefits)|"
    r"(?:salary|pay|payday|wage|paycheck) advance",
    r"(?:sell|selling) (?:it|them|that|this)(?: [\w']+){0,2} (?:would|could|to|and|will) (?:clear|cover|pay|settle|sort)",
    r"(?:extend|extending|increase|increasing|top up|topping up|raise|raising) (?:your |the )?(?:mortgage|loan|credit|overdraft|limit)",
    rf"{_LENDER} (?:who |that )?(?:could|can|might|would|will) (?:lend|loan|help you out|help you pay|cover (?:it|this|you)|"
    r"spot you|front you|chip in|bail you out|give you the money)",
    r"(?:lend|loan) you (?:the|some|that) money",
    r"(?:loan|credit card|overdraft|cash advance|credit line|line of credit|advance) (?:would|could|might|can|will|should|must|ought to) "
    r"(?:clear|cover|settle|pay|sort|take care of|help)",
    r"(?:sell|selling|sold|flog|flogging) (?:off )?(?:your |some of your |the |off your |off some of your )?(?:car|truck|house|home|jewel\w*|ring|watch|furniture|"
    r"tv|stuff|things|belongings|possessions|assets|shares|stocks?|boat|equipment|tools|gold|laptop|phone|bike|"
    r"something|anything)",
    r"(?:cash|cashing) (?:out|in) (?:your |the )?(?:401\(?k\)?|pension|retirement|ira|isa|insurance|policy|investments?)",
    r"(?:dip|dipping|raid|raiding|use|using|take|taking|draw|drawing|withdraw|withdrawing)(?: down)?(?: it| the money| some| cash)?"
    r" (?:into |from |out of )?(?:your |the )?"
    r"(?:401\(?k\)?|pension|retirement (?:fund|savings|account)|ira|rent money|grocery money|food money|kids' savings|"
    r"college fund|emergency fund|bill money|mortgage money)",
)


# --- gates: a cheap test a line must pass before a family's full pattern is run ------------------------
# A family's alternatives each need at least one of its gate's words (compared by their first four
# letters), so a line with none of them cannot match; a test checks this on every labelled line. Most
# lines of a call pass no gate, and a set lookup costs far less than a long alternation.
_STEM: Final = 4


def _gate(words: str) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in words.split())


def stems(text: str) -> frozenset[str]:
    """The first letters of every word: what the gates are compared with."""
    return _stems(text)


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in re.findall(r"[a-z0-9]+", text.lower()))


THREAT_GATE: Final = _gate(
    "live lives living works working stay stays sense pay paying paid afraid hesitate ways means methods let end wind "
    "appear land debt situation account comes step hr personnel payroll check questioning "
    "pity things gossip tongues folks give giving ring next first ensure sure explain mention pass spell go asking ask "
    "notice wonder question drag bring pull get involve mix straight going heading sent "
    "office workplace employer town village building agent representative collector officer publish print circulate share "
    "car truck van vehicle bike computer machine tool jewel "
    "employer boss manager supervisor workplace hr payroll colleagues coworkers workmates neighbours neighbors "
    "family relatives wife husband spouse partner fiance girlfriend boyfriend kids children son daughter parents "
    "mother father mom mum dad laws friends church pastor congregation landlord customers clients members "
    "tenants staff team school community commanding superiors references sister brother cousin aunt uncle "
    "grandma grandparents roommates flatmates housemates doctor priest coach teacher whole everyone everybody "
    "people where address come coming comes show turn stop drop swing pop round over outside wait waiting knock "
    "visit visited meet meeting see catch call calling head run nip send sending sent field area street door "
    "doorstep hurt harm beat smash burn kill injure break watch something anything accidents regret else better "
    "want ugly nasty worse messy bad unpleasant difficult complicated uncomfortable hell miserable misery hard "
    "make teach hunt track after nowhere hide find online facebook social internet paper newspaper list wall "
    "website blacklist board window public publicly name names photo picture face details debts shame humiliate "
    "embarrass embarrassing embarrassment expose disgrace sue suing court lawsuit suit claim case proceedings "
    "action seize repossess impound confiscate ruin destroy wreck trash word talk news carefully happen imagine "
    "sorry means whatever shoes further escalate home another cars trucks vans vehicles furniture tv telly "
    "belongings things stuff property possessions stock shelves equipment tools machines machinery goods dog "
    "boat bikes motorbike jewellery jewelry computers laptop everything assets inventory gear valuables lot shop "
    "store premises garage warehouse business"
)
FALSE_CLAIM_GATE: Final = _gate(
    "appointed authorised authorized commissioned deputised deputized empowered retained hired sent mandated call "
    "message letter notice refund return stimulus intercepted withheld offset years record victim "
    "department office bureau division board commission agency ministry paralegal assistant clerk secretary firm "
    "counsel reviewed desk file account matter papers paperwork violation breach breaking violating broke violated "
    "order hold freeze block stop lien put place slap wipe remove delete erase clear take flag report list mark "
    "car cars truck van vehicle furniture belongings things stuff possessions tools stock tv bank money "
    "arrest arrested jail prison imprison locked behind handcuffs custody warrant warrants criminal prosecute "
    "prosecution press pressing charges charged felony misdemeanor misdemeanour crime fraud theft illegal law "
    "stealing offence offense police cops sheriff enforcement fbi marshal marshals troopers district attorney "
    "prosecutor officer deputy sergeant sgt detective inspector constable trooper captain lieutenant judge "
    "investigator special agent magistrate bailiff bailiffs commissioner warden lawyer solicitor barrister firm "
    "legal court courthouse county government department justice irs hmrc tax state city federal process server "
    "papers summons summoned summonsed documents served serve serving deport deported deportation lose losing "
    "revoke revoked suspend license licence passport visa green citizenship benefits social security children "
    "kids garnish garnished garnishing garnishment seize seized seizing seizure repossess impound confiscate "
    "levy levied freeze frozen attach attached attachment lien charging high repo wages paycheck salary pension "
    "welfare universal disability allowance credit score rating ruined destroyed wrecked blacklisted forever "
    "permanently never lawyers attorneys solicitors immigration status residency officers member filed issued "
    "started brought lodged entered authorities deduct deducting deducted docked taken writ writs council "
    "reported reporting refer referred referring hand handing paralegal clerk registrar inland investigated "
    "investigation flagged judgment judgement ccj default order litigation lawsuit repossession drawn prepared "
    "stopped earnings committing"
)
BORROW_GATE: Final = _gate(
    "store stores "
    "borrow borrowing borrows borrowed loan loans payday cash advance title pawn pawning logbook remortgage "
    "refinance mortgage raise raising increase increasing extend extending limit overdraft credit max maxing "
    "maxed lend friends family parents mother father mom mum dad relatives brother sister grandparents kids "
    "children son daughter partner spouse wife husband boss employer someone anyone anybody somebody neighbours "
    "neighbors church colleagues sell selling sold flog flogging 401k pension retirement ira isa insurance "
    "policy investments dip dipping raid raiding withdraw withdrawing rent grocery food savings college "
    "emergency bill transfer apply applying ebay gumtree craigslist marketplace vinted bank lender extension"
)
INSULT_GATE: Final = _gate(
    "play playing victim martyr innocent type sob stories story "
    "dense dim clueless selfish greedy feckless gormless spoilt spoiled entitled dishonest shameless dimwitted con "
    "conman fraudster chancer swindler grifter scammer hustler like baby toddler teenager schoolboy schoolgirl enough "
    "spare spent wasted blew splashed spending wasting blowing spend blow rubbish nonsense garbage baloney drivel tripe "
    "cobblers codswallop twaddle hogwash claptrap horseshit bs expect want self dignity pride sense brains decency "
    "morals integrity have you "
    "responsible decent normal grown honest reasonable sensible adult "
    "deadbeat deadbeats dead idiot idiots idiotic stupid moron morons moronic loser losers liar liars lazy scum scumbag "
    "bum bums freeloader scrounger leech leeches parasite useless pathetic thief thieves crook crooks cheat cheats clown "
    "clowns dumb imbecile worthless trash sponger waste no good dimwit halfwit nitwit lowlife low degenerate slob jerk "
    "fool fools cheapskate brainless retard white incompetent ignorant irresponsible childish spineless disgrace "
    "disgraceful disgusting lying lied lie lies making full dodging playing joke hopeless unbelievable fraud people kind "
    "someone folks sort lot what shame should ashamed sleep live grow act man stupid deaf slow thick simple real kidding "
    "read understand count hear speak english rocket child even hard sob excuses cry boo stop quit nobody believes "
    "buys believe insult think born wrong heard better piece type fairy"
)
FEE_GATE: Final = _gate(
    "fee fees surcharge surcharges penalty penalties charge charges interest cost costs extra additional"
)


def allowed_fee(words: str, line: str, agreed: Iterable[str]) -> bool:
    """Whether a fee the line names is one the agreement lists by name (interest: also when the line
    cites the agreement's own rate)."""
    if any(fee in words for fee in agreed if not fee.isascii()):
        return True  # a Chinese fee the agreement names (滞纳金)
    kinds = [_stem(w) for fee in agreed for w in fee.lower().split() if w not in ("fee", "fees", "charge", "charges")]
    said = words.lower()
    if said == "interest":
        return "interest" in kinds or bool(_CITES_AGREEMENT.search(line))
    line_stems = {_stem(w) for w in re.findall(r"[a-z]+", line.lower())}
    qualifier = [_stem(w) for w in re.findall(r"[a-z]+", said) if w not in ("fee", "fees", "charge", "charges")]
    agreed_sets = [
        [_stem(w) for w in fee.lower().split() if w not in ("fee", "fees", "charge", "charges")] for fee in agreed
    ]
    if qualifier:
        return any(wanted and all(k in qualifier for k in wanted) for wanted in agreed_sets)
    return any(wanted and all(k in line_stems for k in wanted) for wanted in agreed_sets)


def _stem(word: str) -> str:
    return word.lower()[:5]


def fees(text: str, stems: frozenset[str] | None = None) -> list[str]:
    """Fees, charges or interest the line names, without those it negates or waives."""
    if not FEE_GATE & (stems or _stems(text)) and not re.search(r"[$£€]\d", text):
        return []
    cleaned = _NOT_FEE.sub(" ", text)
    out: list[str] = []
    for match in FEE.finditer(cleaned):
        before = cleaned[max(0, match.start() - 40) : match.start()] + " ".join(match.group(0).split()[:-1])
        if negated(cleaned, match.start()) or _FEE_OFF.search(before):
            continue
        words = match.group(0).strip()
        words = "interest" if re.search(r"\binterest\b", words, _I) else _fee_phrase(words)
        if words.lower() not in (o.lower() for o in out):
            out.append(words)
    return out


_FILLER: Final = frozenset(
    {"a", "an", "the", "of", "any", "some", "this", "that", "no", "our", "your", "one", "small", "new"}
)


def _fee_phrase(words: str) -> str:
    parts = [w for w in words.split() if w.lower() not in _FILLER and not w[0].isdigit()]
    return " ".join(parts) or words


def threats(text: str, stems: frozenset[str] | None = None) -> list[str]:
    return _hits(THREAT, text, cleared_by=_LISTENER_DOES) if THREAT_GATE & (stems or _stems(text)) else []


_SEIZURE_WORD: Final = re.compile(
    r"garnish|seiz|levy|levied|lien|attach|frozen|freeze|repossess|impound|confiscat|taken|take|tow|pick up|collect", _I
)


def false_claims(text: str, stems: frozenset[str] | None = None) -> list[str]:
    """False claims; a seizure drops out when a court's judgment frames it, or when the line threatens it
    in the collector's own name (then it is a threat)."""
    if not FALSE_CLAIM_GATE & (stems or _stems(text)):
        return []
    found = _hits(FALSE_CLAIM, text, cleared_by=_DEBTORS_OWN)
    if found and (_LAWFUL_FRAME.search(text) or _hits(OWN_SEIZURE, text)):
        found = [w for w in found if not _SEIZURE_WORD.search(w)]
    return found


# What clears an insult: it is denied ("I'm not saying you're lying", "you're not stupid").
_DENIED: Final = re.compile(
    r"(?:(?:not|never|n't|nobody|no one)(?: [\w']+){0,3} (?:calling|call|called|saying|say|said|suggesting|think|"
    r"thinking|implying|accusing)|(?:you're|you are|that's|that is|it's|it is|you were) (?:not|never))(?: [\w']+){0,3}\s*$",
    _I,
)


def insults(text: str, stems: frozenset[str] | None = None) -> list[str]:
    """Abuse; a denial clears it, an imperative with "don't" does not ("don't play dumb with me")."""
    out: list[str] = []
    if not INSULT_GATE & (stems or _stems(text)):
        return out
    for match in INSULT.finditer(text):
        before = re.split(r"[.!?;:]", text[max(0, match.start() - 60) : match.start()])[-1]
        if _DENIED.search(before) or _INNER_NEG.search(match.group(0)):
            continue
        if match.group(0).lower() not in (o.lower() for o in out):
            out.append(match.group(0))
    return out


def profanity(text: str) -> list[str]:
    return _hits(PROFANITY, text, negatable=False)


def mild_profanity(text: str) -> list[str]:
    return [w for w in _hits(MILD_PROFANITY, text, negatable=False) if not re.fullmatch(r"hell", w, _I) or _hell(text)]


def _hell(text: str) -> bool:
    """'hell' as an oath ("what the hell", "like hell"), not in "hello" (whole words already) or a quote."""
    return bool(re.search(r"\b(?:the|like|to|bloody|as) hell\b|\bhell (?:no|yes|of a)\b|^hell\b", text, _I))


def borrowing(text: str, stems: frozenset[str] | None = None) -> list[str]:
    return _hits(BORROW, text) if BORROW_GATE & (stems or _stems(text)) else []
