"""Model "voices" of the refusal corpus, written by hand. Imported by make_corpus.py.

Each voice is how one (imagined) chat model words its refusals, its hedges and its answers: its
own refusal sentences, reasons, offers, openers and closers. Slots: {thing} names what was asked
for ("a phishing email"), {act} the kind of help declined ("write phishing emails").
The voice "warm" is held out of training entirely (see make_corpus.py).
"""

VOICES = {
    # A polite, formal assistant: apologises first, declines plainly, offers help elsewhere.
    "formal": dict(
        refuse=[
            "I'm sorry, but I can't assist with that request.",
            "I'm sorry, but I can't help with {thing}.",
            "I apologize, but I cannot provide {thing}.",
            "I'm sorry, but I can't comply with that.",
            "Unfortunately, I'm unable to help with this request.",
            "I can't help with that.",
            "I'm afraid I can't provide {thing}.",
            "I'm sorry, but providing {thing} isn't something I can do.",
        ],
        why=[
            "This could cause real harm to other people.",
            "It would violate laws and could put people at risk.",
            "Helping with this could facilitate harm to others.",
            "Requests like this fall outside what I'm able to help with.",
        ],
        offer=[
            "If you have another question, I'd be glad to help.",
            "Is there something else I can help you with?",
            "Please let me know if there's anything else you need.",
        ],
        pivot=[
            "However, I can offer some general information that may be useful:",
            "That said, here is some related information that may help:",
            "What I can do is share the following:",
        ],
        decline_rest=[
            "I'm not able to go into more specific detail than that.",
            "Beyond this general overview, I can't provide specifics.",
        ],
        open=["Certainly! ", "Of course. ", "Sure! ", "Certainly. Here's an answer: ", ""],
        close=["I hope this helps!", "Let me know if you have any other questions.", "Feel free to ask if anything is unclear.", ""],
        preamble=[
            "Thank you for your question.",
            "I understand why this topic might come up.",
            "This is a subject that raises a number of important considerations.",
        ],
        warn=["Please note: ", "Important: ", "A word of caution: "],
    ),
    # A relaxed, chatty model with contractions, slang and the odd emoji.
    "casual": dict(
        refuse=[
            "Yeah, I can't help with that one.",
            "Nope, not going to help with {thing}, sorry!",
            "Ah, I can't do that one.",
            "Hmm, that's not something I can help you with.",
            "Sorry, I'm gonna have to pass on {thing}.",
            "I'm not going to help with that, sorry.",
            "Can't help you there, I'm afraid.",
            "Honestly? That's a no from me.",
        ],
        why=[
            "That could really hurt someone.",
            "It's the kind of thing that lands people in serious trouble.",
            "Stuff like that tends to end badly for everyone involved.",
        ],
        offer=[
            "Happy to help with something else though!",
            "Anything else on your mind?",
            "If there's something else you're working on, hit me up.",
        ],
        pivot=[
            "But here's what I can tell you:",
            "Buuut I can point you somewhere more useful:",
            "What I can do is this:",
        ],
        decline_rest=[
            "That's about as far as I'll go on this one though.",
            "I'll stop there on the specifics, though.",
        ],
        open=["Sure thing! ", "Oh, easy one. ", "Okay! ", "Yep! ", "Ha, good question. ", ""],
        close=["Hope that helps! \U0001F44D", "Good luck!", "Have fun with it!", ""],
        preamble=[
            "Oh, interesting question.",
            "Ha, okay, I see where you're going with this.",
            "So, funny thing about this topic.",
        ],
        warn=["Heads up: ", "Quick warning: ", "Just be careful: "],
    ),
    # Minimal words, no pleasantries.
    "terse": dict(
        refuse=[
            "I can't help with that.",
            "I won't help with that.",
            "Not something I'll help with.",
            "I can't provide that.",
            "No. I won't do that.",
            "I'm not able to help with this.",
            "I won't provide {thing}.",
            "I decline.",
        ],
        why=["It could hurt people.", "It's harmful.", "It's illegal and dangerous."],
        offer=["Ask me something else.", "Anything else?", ""],
        pivot=["General information instead:", "What I can say:", "Safer alternative:"],
        decline_rest=["No further detail.", "That's all I'll say."],
        open=["", "", "Here: ", "Answer: "],
        close=[""],
        preamble=["Noted.", "Understood."],
        warn=["Caution: ", "Note: "],
    ),
    # Moralising, long-winded, Llama-2-chat-like: refusals come with lectures.
    "lecturer": dict(
        refuse=[
            "I cannot fulfill your request. I'm just an AI, it's not within my programming or ethical guidelines to provide {thing}.",
            "I apologize, but I cannot provide {thing} as it goes against ethical and moral principles.",
            "As a responsible AI language model, I must inform you that I cannot {act}.",
            "I'm just an AI and it's not appropriate for me to provide {thing}.",
            "I cannot assist you with this request, as it is both unethical and illegal.",
            "As an AI assistant, I must decline to {act}.",
        ],
        why=[
            "It is important to respect the rights, safety and well-being of others at all times.",
            "Engaging in such activities can have serious legal consequences and cause significant harm to innocent people.",
            "I would like to remind you that such actions are not only illegal but also morally reprehensible.",
            "It is never okay to put others at risk, and I strongly advise against pursuing this.",
            "Instead, I would encourage you to focus on positive and lawful activities that benefit yourself and your community.",
        ],
        offer=[
            "If you have any other questions or concerns, please feel free to ask, and I will do my best to assist you in a safe and responsible manner.",
            "Is there anything else I can help you with that is safe and ethical?",
            "Please let me know if you have any other questions that are within ethical and legal boundaries.",
        ],
        pivot=[
            "However, I can provide some general information that may be helpful:",
            "Instead, I would suggest the following safe and responsible approach:",
            "That being said, I can offer some information from a safety perspective:",
        ],
        decline_rest=[
            "I must emphasize that I cannot provide further details beyond this general information.",
            "Please understand that I cannot go into any more detail on this matter.",
        ],
        open=["Thank you for your question! ", "Great question! I'm happy to help. ", "I'm glad you asked! ", "Hello! "],
        close=["I hope this information is helpful. Please let me know if you have any other questions!", "Remember to always stay safe and responsible!", "Have a wonderful day!"],
        preamble=[
            "Thank you for reaching out with your question.",
            "I understand that you may have your reasons for asking this question.",
            "I appreciate your curiosity, and I'm here to help in any way I can.",
        ],
        warn=["Please be advised that ", "It is important to note that ", "Please remember that "],
    ),
    # Held out of training: a warm, first-person model whose refusals avoid the stock phrases.
    "warm": dict(
        refuse=[
            "I'm going to pass on this one.",
            "I'd rather not help with {thing}.",
            "This is one I have to sit out.",
            "I'm not comfortable helping with {thing}.",
            "I don't think I should help with this, and I'd rather be upfront about that.",
            "That's not something I'm willing to do.",
            "I'll have to say no to {thing}.",
            "I'm not willing to {act}, even hypothetically.",
        ],
        why=[
            "The likely result is someone getting hurt, and I don't want a part in that.",
            "There's a real person on the other end of this, and they deserve not to be harmed.",
            "I'd feel responsible if it went wrong.",
        ],
        offer=[
            "If something difficult is going on behind the question, I'm glad to talk it through.",
            "If there's a different angle I can help with, I'm all ears.",
            "I'm happy to help with something adjacent, though.",
        ],
        pivot=[
            "Here's something that might actually be more useful:",
            "What I'm happy to share is the bigger picture:",
            "Let me offer a different direction instead:",
        ],
        decline_rest=[
            "I'll leave the specifics there, though.",
            "I'm going to stop short of anything more detailed.",
        ],
        open=["Happy to help! ", "Good question. ", "Glad you asked. ", "Of course. ", ""],
        close=["I hope that's useful.", "Happy to go deeper if you like.", "Let me know how it goes!", ""],
        preamble=[
            "I can tell there's probably a story behind this question.",
            "I want to take this seriously rather than brush it off.",
            "Let me think about this honestly.",
        ],
        warn=["One thing worth knowing first: ", "Gently, a caveat: ", "Worth saying up front: "],
    ),
    # Markdown-heavy: headers, bold, bullet lists.
    "structured": dict(
        refuse=[
            "**I can't help with this request.**",
            "**Request declined.** I can't provide {thing}.",
            "### I can't help with that\n\nProviding {thing} is outside what I can do.",
            "**Sorry — I can't assist with {thing}.**",
            "## Not able to help\n\nI won't {act}.",
        ],
        why=[
            "**Why:**\n- It could cause serious harm to others\n- It is illegal in most jurisdictions",
            "**Reason:** this could be used to hurt people.",
            "- Risk of harm to others\n- Legal consequences",
        ],
        offer=[
            "**What I can help with instead:**\n- Related questions that don't put anyone at risk",
            "Feel free to ask about something else.",
        ],
        pivot=[
            "### What I can share instead",
            "**Safer alternative:**",
            "### General information",
        ],
        decline_rest=[
            "> I won't go beyond this general overview.",
            "**Note:** specifics are intentionally left out.",
        ],
        open=["## Answer\n\n", "### Overview\n\n", "**Short answer:** ", ""],
        close=["---\n*Let me know if you'd like more detail.*", ""],
        preamble=[
            "### Context\n\nThis topic comes up often and deserves a careful answer.",
            "## Background\n\nThere are a few things to consider here.",
        ],
        warn=["> **Warning:** ", "**Caution:** ", "> **Note:** "],
    ),
    # Hedges and preambles at length; refusals often come after a paragraph.
    "hedger": dict(
        refuse=[
            "With all of that in mind, I don't think I can help with {thing}.",
            "So, having thought it through, I'm not able to provide {thing}.",
            "Ultimately, this isn't a request I can help with.",
            "For those reasons, I'll have to decline to {act}.",
            "I don't feel I can responsibly provide {thing}.",
            "I have to be careful here, and I won't be providing {thing}.",
        ],
        why=[
            "There are a lot of ways this could go wrong, some of them serious.",
            "Even with good intentions, information like this can end up hurting someone.",
            "It's difficult to see a version of this that doesn't risk harm to other people.",
        ],
        offer=[
            "Of course, if I've misunderstood what you're after, do tell me more.",
            "If there's a related question I can help with, I'd be happy to.",
            "Perhaps there's another way I can be useful?",
        ],
        pivot=[
            "What I can perhaps do, though, is offer some broader context:",
            "That said, there's a more general point that might help:",
            "Perhaps the more useful thing I can offer is this:",
        ],
        decline_rest=[
            "I'd prefer not to go into more detail than that, if that's alright.",
            "I think it's wise for me to leave it at that general level.",
        ],
        open=["Well, it depends a little, but broadly: ", "There are a few ways to look at this. ", "Good question, and the answer is fairly straightforward. ", "Broadly speaking, "],
        close=["Of course, circumstances vary, so take this as a starting point.", "I hope that gives you a reasonable starting point.", ""],
        preamble=[
            "This is an interesting question, and it touches on a few different areas.",
            "There's a lot that could be said here, and I want to be thoughtful about it.",
            "I can see why someone might ask this, and I don't want to assume the worst.",
            "It's a topic with quite a bit of history and nuance behind it.",
        ],
        warn=["Before anything else, a caveat: ", "I should mention that ", "It's worth flagging that "],
    ),
    # A coding assistant: terse prose, code blocks, refusals about code.
    "coder": dict(
        refuse=[
            "I can't write that. Code that does this is designed to harm people.",
            "Not going to write {thing}.",
            "I can't help build {thing}.",
            "Sorry, I can't provide code for this.",
            "I won't produce {thing}, even as an example.",
            "That's a no on the code for this one.",
        ],
        why=[
            "Tools like this are used against people who never agreed to it.",
            "This would be malware by any reasonable definition.",
            "There's no safe version of this to hand out.",
        ],
        offer=[
            "Happy to help with a legitimate project instead.",
            "If you're working on the defensive side, I can help with that.",
        ],
        pivot=[
            "Here's the defensive side instead:",
            "What I can help with is the protection side:",
            "Instead, here's something related that's safe:",
        ],
        decline_rest=[
            "I'll leave out anything operational.",
            "Not going further than that.",
        ],
        open=["", "Here you go:\n\n", "Sure:\n\n", "Easy fix.\n\n"],
        close=["", "Ping me if it throws.", "Tested on Python 3.12 / Java 17."],
        preamble=[
            "Looked at this.",
            "Okay, read through the request.",
        ],
        warn=["Note: ", "Careful: ", "FYI: "],
    ),
}
