"""Word lists for French news prose: speech verbs, titles, roles, institutions.

Kept as data so the rules read as grammar and a teacher or developer can
extend a list without touching the rules. Everything here is lower case and
written with a plain apostrophe (the rules work on `plain()` text).
"""

from __future__ import annotations

import re
from functools import cache

from .erverbs import regular_forms

# Verbs that introduce or close reported speech (and opinion: "pense que").
# Regular -er and -ir verbs are conjugated by `erverbs.regular_forms`; the rest are listed.
_ER_SPEECH = """
    déclarer ajouter affirmer expliquer souligner indiquer préciser estimer insister noter
    observer commenter confier rappeler annoncer dénoncer marteler répéter réitérer résumer
    trancher ironiser regretter déplorer plaider avouer confirmer qualifier raconter détailler
    lâcher glisser lancer assurer juger penser tweeter twitter répliquer rétorquer témoigner
    menacer exhorter avancer arguer analyser développer interpeller
    s'exclamer s'interroger s'inquiéter se_féliciter se_réjouir s'alarmer s'emporter s'agacer
    mentionner signaler relever constater accuser féliciter critiquer fustiger
    demander questionner saluer remercier réclamer exiger évoquer titrer prôner suggérer recommander
    proposer s'indigner s'étonner se_désoler soupirer murmurer souffler plaisanter tonner fulminer
    s'insurger pester s'énerver espérer souhaiter concéder nuancer tempérer relativiser rassurer jurer
    enchaîner renchérir abonder approuver alerter objecter contester protester s'offusquer s'amuser
    appeler énoncer claironner clamer proclamer scander chuchoter crier hurler grommeler râler
    relater rapporter narrer exposer formuler communiquer poster publier riposter nier confesser
    révéler dévoiler divulguer pronostiquer certifier garantir alléguer considérer trouver
    redouter condamner railler remarquer pondérer modérer inviter encourager presser supplier
    implorer revendiquer justifier argumenter applaudir s'enthousiasmer s'émerveiller se_demander
    s'impatienter se_lamenter continuer compléter corroborer décrypter corriger rectifier
    interroger grincer asséner prophétiser raisonner philosopher blaguer confirmer détailler
    déclamer s'esclaffer rigoler sangloter bougonner maugréer tacler taquiner parler s'exprimer
    vanter encenser épingler étriller reprocher blâmer stigmatiser minimiser réfuter récuser
    ricaner tempêter grogner invoquer sermonner tancer apostropher haranguer attester
    rugir gémir frémir surenchérir s'enorgueillir s'ébahir réfléchir
    louer retracer réaffirmer assumer
""".split()

_IRREGULAR_SPEECH: dict[str, list[str]] = {
    "se souvenir": ["souvenu", "souvenue", "souvient", "souviennent", "souvenait"],
    "dire": ["dit", "dite", "dits", "disent", "disait", "disaient", "dira", "diront", "dirait"],
    "écrire": ["écrit", "écrite", "écrivent", "écrivait", "écrivaient", "écrivit"],
    "décrire": ["décrit", "décrite", "décrivent", "décrivait"],
    "reconnaître": ["reconnu", "reconnue", "reconnaît", "reconnait", "reconnaissent", "reconnaissait"],
    "admettre": ["admis", "admise", "admet", "admettent", "admettait"],
    "promettre": ["promis", "promise", "promet", "promettent", "promettait"],
    "répondre": ["répondu", "répond", "répondent", "répondait", "répondaient", "répondit"],
    "soutenir": ["soutenu", "soutient", "soutiennent", "soutenait"],
    "prévenir": ["prévenu", "prévient", "préviennent", "prévenait"],
    "conclure": ["conclu", "conclut", "concluent", "concluait"],
    "croire": ["cru", "croit", "croient", "croyait"],
    "poursuivre": ["poursuivi", "poursuit", "poursuivent", "poursuivait"],
    "avertir": ["averti", "avertie", "avertit", "avertissent", "avertissait"],
    "sourire": ["sourit", "souri", "sourient", "souriait"],
    "requérir": ["requis", "requiert", "requièrent", "requérait"],
    "se réjouir": ["réjoui", "réjouie", "réjouis", "réjouit", "réjouissent", "réjouissait"],
    "voir (y voir)": ["y voit", "y voient", "y voyait", "y voyaient", "y a vu", "y ont vu"],
    "défendre": ["défendu", "défendue", "défend", "défendent", "défendait"],
    "réagir": ["réagi", "réagit", "réagissent", "réagissait"],
    "démentir": ["démenti", "dément", "démentent", "démentait"],
    "maintenir": ["maintenu", "maintient", "maintiennent", "maintenait"],
    "faire valoir": ["fait valoir", "font valoir", "faisait valoir"],
    "faire savoir": ["fait savoir", "font savoir", "faisait savoir"],
    "faire remarquer": ["fait remarquer", "font remarquer", "faisait remarquer"],
    "faire état": ["fait état", "font état", "faisait état"],
    "mettre en garde": ["mis en garde", "met en garde", "mettent en garde"],
    "mettre en avant": ["mis en avant", "met en avant", "mettent en avant", "mettait en avant"],
    "prendre la parole": ["pris la parole", "prend la parole", "prennent la parole", "prenait la parole"],
    "s'écrier": ["écrié", "écrie", "écrient"],
}

# Lemmas of speech verbs, for the parser's reading (any tense, any spelling the lemmatizer knows).
SPEECH_LEMMAS = frozenset(
    [v.replace("_", " ").removeprefix("se ").removeprefix("s'").rstrip() for v in _ER_SPEECH]
    + [k for k in _IRREGULAR_SPEECH if " " not in k or k.startswith(("faire", "mettre"))]
    + """
    dire écrire décrire reconnaître admettre promettre répondre soutenir prévenir conclure croire
    poursuivre avertir sourire requérir réjouir défendre réagir démentir maintenir écrier
    contredire prédire redire interdire rire convenir prétendre craindre se_plaindre plaindre
    rappeler estimer souvenir
""".split()
)

# Verbs of expressing, speech too when the parser reads them ("Et d'exprimer : « … »").
_EXPRESSING = frozenset("exprimer reprendre".split())


def speech_lemma(lemma: str) -> bool:
    """Whether the parser's lemma is a verb of speaking ("s'agacer" as "agacer")."""
    bare = lemma.lower().removeprefix("se ").removeprefix("s'")
    return bare in SPEECH_LEMMAS or bare in _EXPRESSING


# Role nouns that name one function ("le coach" is the article's "entraîneur"), folded.
_SAME_ROLES = (
    frozenset({"coach", "entraineur", "entraineuse"}),
    frozenset({"patron", "patronne", "pdg"}),
    frozenset({"syndicaliste", "delegue", "deleguee"}),
    frozenset({"ecrivain", "ecrivaine", "auteur", "auteure", "autrice", "romancier", "romanciere"}),
    frozenset({"realisateur", "realisatrice", "cineaste"}),
    frozenset({"comedien", "comedienne", "acteur", "actrice"}),
)


# Generic nouns a second mention uses for a function named once ("le maire …, lâche l'élu",
# "le procureur …, poursuit le magistrat"), folded: the generic noun, then what it may stand for.
_GENERIC_ROLES = {
    "elu": "maire adjoint adjointe depute deputee senateur senatrice conseiller conseillere edile",
    "elue": "maire adjointe deputee senatrice conseillere edile",
    "edile": "maire",
    "parlementaire": "depute deputee senateur senatrice",
    "magistrat": "procureur procureure juge substitut avocat",
    "magistrate": "procureure procureur juge substitute avocate",
    "technicien": "entraineur coach selectionneur",
    "joueur": "attaquant defenseur milieu gardien ailier arriere demi pivot capitaine",
    "joueuse": "attaquante defenseure milieu gardienne ailiere arriere demie pivot capitaine",
    "scientifique": "chercheur chercheuse astronome astrophysicien astrophysicienne physicien physicienne",
    "artiste": "chanteur chanteuse musicien musicienne comedien comedienne peintre",
    # "le diplomate" after "le ministre iranien des Affaires étrangères X": a foreign minister,
    # an ambassador or an envoy (the words "ministre" and "étrangères" of the role are matched).
    "diplomate": "etrangeres diplomatie ambassadeur ambassadrice emissaire envoye envoyee negociateur",
}


# Periphrases the press uses for one office, folded: the phrase, then how the office is named.
ROLE_PERIPHRASES = {
    "chef du gouvernement": ("premier ministre", "premiere ministre"),
    "cheffe du gouvernement": ("premiere ministre",),
    "locataire de matignon": ("premier ministre", "premiere ministre"),
    "chef de la diplomatie": ("ministre des affaires etrangeres",),
    "cheffe de la diplomatie": ("ministre des affaires etrangeres",),
    "garde des sceaux": ("ministre de la justice",),
    "locataire de beauvau": ("ministre de l interieur",),
    "premier magistrat de la ville": ("maire",),
    "premiere magistrate de la ville": ("maire",),
}


def same_role(head: str) -> frozenset[str]:
    """The role nouns that name the same function as `head` (folded), itself included; for a
    generic noun ('élu', 'magistrat'), the functions it may stand for too."""
    group = next((group for group in _SAME_ROLES if head in group), frozenset({head}))
    return group | frozenset(_GENERIC_ROLES.get(head, "").split())


# Reported speech made a document: "selon le communiqué de X" means X said it.
DOCUMENT_NOUNS = frozenset(
    """
    communiqué communiqués position déclaration texte note compte-rendu compte message tweet
    lettre site rapport porte-voix entourage services service bureau cabinet mots propos paroles termes
""".split()
)

# Nouns that denote a person's function; with a name they make a role.
ROLE_NOUNS = frozenset(
    """
    président présidente premier première ministre ministres chancelier chancelière porte-parole
    conseiller conseillère assistant assistante secrétaire chef cheffe dirigeant dirigeante leader
    ambassadeur ambassadrice directeur directrice patron patronne gouverneur gouverneure maire
    sénateur sénatrice député députée général générale commissaire représentant représentante
    roi reine pape prince princesse procureur procureure juge avocat avocate sélectionneur
    entraîneur entraîneuse capitaine professeur professeure chercheur chercheuse économiste
    analyste politologue fondateur fondatrice adjoint adjointe vice-président vice-présidente
    échevin échevine bourgmestre recteur rectrice
    haut-commissaire diplomate négociateur négociatrice émissaire envoyé envoyée homologue
    candidat candidate opposant opposante militant militante syndicaliste responsable
    médecin épidémiologiste infectiologue physicien physicienne historien historienne
    journaliste éditorialiste rédacteur rédactrice expert experte spécialiste coordinateur
    coordinatrice délégué déléguée préfet préfète recteur rectrice doyen doyenne colonel
    amiral commandant commandante lieutenant sergent entomologiste biologiste climatologue
    sociologue psychologue géographe démographe urbaniste architecte ingénieur ingénieure
    virologue pédiatre psychiatre vétérinaire pharmacien pharmacienne
""".split()
)

# Heads of state or government: "le dirigeant russe" may name the same
# person as "le président russe".
LEADER_NOUNS = frozenset(
    {
        "président",
        "présidente",
        "dirigeant",
        "dirigeante",
        "leader",
        "chef de l'état",
        "chef d'état",
        "chef du gouvernement",
        "numéro un",
    }
)

# A person without a name: these NPs are anonymous speakers, not institutions.
ANONYMOUS_PERSON_NOUNS = frozenset(
    """
    responsable fonctionnaire internaute internautes utilisateur utilisatrice utilisateurs
    source sources diplomate diplomates témoin témoins habitant habitante habitants
    manifestant manifestante manifestants observateur observatrice observateurs
    officiel officiels proche proches interlocuteur interlocutrice participant participante
    commentateur commentatrice commentateurs spécialiste expert experte experts élu élue élus
    membre membres conseiller conseillère collaborateur collaboratrice salarié salariée
    enseignant enseignante parent parents élève élèves étudiant étudiante riverain riveraine
    administrateur administratrice agent agente policier policière militaire soldat médecin
    infirmier infirmière patient patiente supporter supporteur spectateur spectatrice
    personne individu homme femme voix auteur autrice voisin voisine voisins mère père maman papa fils fille
    frère sœur ami amie amis collègue collègues épouse mari compagnon compagne retraité retraitée
    commerçant commerçante agriculteur agricultrice ouvrier ouvrière syndicaliste passant passante
    coureur coureuse joueur joueuse supportrice cheffe prévenu prévenue accusé accusée suspect suspecte
    victime victimes plaignant plaignante mis-en-cause détenu détenue riverains usager usagère
    auteure écrivain écrivaine romancier romancière
""".split()
)

# People a story quotes and often leaves unnamed (a witness, a defendant, a user of a service):
# "« … », raconte la secouriste" is asked about as it is when the article names no one for her.
UNNAMED_WITNESS_NOUNS = frozenset(
    """
    témoin habitant habitante riverain riveraine passant passante manifestant manifestante
    prévenu prévenue accusé accusée victime plaignant plaignante usager usagère patient patiente
    secouriste bénévole spectateur spectatrice supporter supportrice client cliente
    commerçant commerçante élève étudiant étudiante retraité retraitée parent
    homme femme personne couple voisin voisine villageois villageoise lycéen lycéenne
    adolescent adolescente automobiliste promeneur promeneuse vacancier vacancière touriste
    voyageur voyageuse passager passagère sinistré sinistrée
""".split()
)

# Kinds of people an article quotes without a name, in either number: "l'un des spectateurs",
# "une de ses voisines", "l'une des lectrices" make a speaker as "un spectateur" does.
_MORE_KINDS = """
    lecteur lectrice auditeur auditrice téléspectateur téléspectatrice abonné abonnée camarade
    visiteur visiteuse candidat candidate électeur électrice locataire consommateur consommatrice
"""
PERSON_KINDS = frozenset(
    w + s
    for w in ANONYMOUS_PERSON_NOUNS | UNNAMED_WITNESS_NOUNS | frozenset(_MORE_KINDS.split())
    for s in ("", "s")
    if not (s and w.endswith(("s", "x", "z")))
)

# Heads that make an NP an institution, a country's side or a medium.
INSTITUTION_NOUNS = frozenset(
    """
    kremlin élysée matignon gouvernement ministère ministères administration présidence
    agence partie exécutif département maison pentagone parlement assemblée sénat congrès
    commission conseil cour tribunal parquet police gendarmerie armée état-major mairie
    préfecture région ville municipalité collectivité syndicat parti fédération ligue union
    organisation onu otan ue fmi oms unesco banque entreprise société groupe compagnie
    institut observatoire centre autorité autorités services diplomatie chancellerie
    ambassade consulat journal quotidien hebdomadaire chaîne radio télévision site média
    médias presse reuters afp ap ria tass bloomberg insee inserm cnrs météo-france
    association collectif comité direction rectorat académie université école hôpital
    opposition majorité camp équipe club délégation
""".split()
)

# Words written with a capital that are not names (sentence openers, months…).
NOT_NAMES = frozenset(
    """
    le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur leurs notre nos
    votre vos mon ma mes et ou mais donc or ni car que qu' qui quoi dont où si alors ainsi
    aussi enfin puis ensuite selon pour par avec sans sous sur dans en entre vers chez depuis
    pendant après avant lors dès contre malgré face côté il elle ils elles on nous vous je tu
    c' ça cela ceci celui-ci celle-ci ceux-ci celles-ci tout toute tous toutes rien aucun aucune
    chaque plusieurs certains
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre update mise jour maj direct alerte
    flash source sources publié mis lire voir accueil article précédent suivant photo vidéo
    crédit oui non bonjour merci monsieur madame mademoiselle président présidente
    ministre premier première selon d'après ici là hier aujourd'hui demain désormais
    cependant pourtant toutefois néanmoins en revanche bref certes même encore déjà
""".split()
)

# Set phrases of a side's turn to speak ("a répété de son côté X"): "côté" is no role of X.
SIDE_PHRASES = frozenset({"de son côté", "pour sa part", "à son tour", "quant à lui", "quant à elle"})
TITLES = {
    "m.": "m",
    "m": "m",
    "monsieur": "m",
    "mr": "m",
    "mr.": "m",
    "mme": "f",
    "mme.": "f",
    "madame": "f",
    "mlle": "f",
    "mlle.": "f",
    "mademoiselle": "f",
    "dr": None,
    "dr.": None,
    "pr": None,
    "pr.": None,
    "me": None,
    "me.": None,
}

DETERMINERS_M = frozenset({"le", "un", "ce", "cet", "du", "au", "l'un", "un autre", "son"})
DETERMINERS_F = frozenset({"la", "une", "cette", "l'une", "une autre", "sa"})

# Nationality adjectives are recognised by shape; this list covers the
# irregular ones and the ones a role most often carries.
NATIONALITIES = frozenset(
    """
    américain américaine russe ukrainien ukrainienne français française allemand allemande
    britannique italien italienne espagnol espagnole chinois chinoise turc turque iranien
    iranienne israélien israélienne palestinien palestinienne japonais japonaise indien
    indienne brésilien brésilienne canadien canadienne belge suisse polonais polonaise
    biélorusse européen européenne africain africaine algérien algérienne marocain marocaine
    tunisien tunisienne syrien syrienne libanais libanaise égyptien égyptienne saoudien
    saoudienne mexicain mexicaine argentin argentine australien australienne néerlandais
    néerlandaise portugais portugaise grec grecque suédois suédoise finlandais finlandaise
    norvégien norvégienne danois danoise autrichien autrichienne hongrois hongroise roumain
    roumaine serbe croate géorgien géorgienne arménien arménienne azerbaïdjanais coréen
    coréenne nord-coréen nord-coréenne sud-coréen sud-coréenne vietnamien vietnamienne
    afghan afghane pakistanais pakistanaise irakien irakienne qatari qatarie émirati
    sénégalais sénégalaise malien malienne nigérian nigériane kényan kényane sud-africain
    sud-africaine tchèque slovaque slovène estonien estonienne letton lettone lituanien
    lituanienne moldave kazakh tadjik ouzbek éthiopien éthiopienne érythréen érythréenne somalien
    somalienne ougandais ougandaise tanzanien tanzanienne rwandais rwandaise congolais congolaise
    camerounais camerounaise ivoirien ivoirienne ghanéen ghanéenne burkinabè nigérien nigérienne
    soudanais soudanaise libyen libyenne jordanien jordanienne yéménite thaïlandais thaïlandaise
    indonésien indonésienne philippin philippine cubain cubaine vénézuélien vénézuélienne colombien
    colombienne chilien chilienne péruvien péruvienne irlandais irlandaise écossais écossaise
    gallois galloise islandais islandaise luxembourgeois luxembourgeoise monégasque bulgare albanais
    albanaise bosnien bosnienne kosovar macédonien macédonienne chypriote maltais maltaise
    québécois québécoise new-yorkais parisien parisienne
""".split()
)

# Prepositions and subordinators that end a speaker NP written after a verb.
NP_STOP_WORDS = frozenset(
    """
    à au aux pour sur lors dans après avant en devant depuis pendant avec par qui que qu'
    lorsque alors quand tandis mais car citant répondant ajoutant interrogé interrogée
    cité citée selon tout toute lundi mardi mercredi jeudi vendredi samedi dimanche hier
    ce cette mercredi soir matin dès face contre vers via sans sous chez parmi comme si
    dont où même aussi également encore ensuite enfin, puis
""".split()
)

# Adverbs that may sit inside a verb group: "a alors déclaré", "avait aussi dit".
VERB_ADVERBS = (
    r"(?:alors|encore|aussi|également|ensuite|notamment|d'ailleurs|enfin|plus\s+tard|simplement|"
    r"aussitôt|immédiatement|déjà|même|surtout|pourtant|toutefois|cependant|ainsi|mardi|lundi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|hier|récemment|publiquement|clairement|"
    r"fermement|sobrement|sèchement|fièrement|bien|tout|seulement|sans\s+ambages|"
    r"sans\s+détour|à\s+nouveau|de\s+nouveau|en\s+substance|en\s+outre|elle-même|lui-même|"
    r"quant\s+à\s+(?:lui|elle|eux|elles)|de\s+son\s+côté|pour\s+sa\s+part|d'abord|ensuite|"
    r"longuement|volontiers|toujours|[a-zéèêàâîôûç]{3,}ment)"
)

AUXILIARIES = (
    r"(?:a|avait|ont|avaient|aurait|auraient|aura|auront|eut|a\s+été|avait\s+été|"
    r"s'est|s'était|se\s+sont|s'étaient|se\s+serait|s'est-(?:il|elle|on)|"
    r"s'étaient-(?:ils|elles))"
)

INVERTED_PRONOUN = r"(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))"
# Verbs inverted after a quotation that report no one's words: ', paraît-il', ', semble-t-il',
# ', faut-il' (a lookahead to put before an inverted verb).
NOT_SAYING_INVERTED = r"(?!(?:paraît|parait|semble|sait|faut|suffit|reste|est)-)"

# Nouns of speech after which « … » is what someone said:
# "« … », ont été les premiers mots du président".
SPEECH_NOUNS = r"(?:mots|paroles|propos|réponse|réaction|commentaire|message|formule|mise\s+en\s+garde)"

# Words before « … » that make it a name or a title, not speech.
NAMING_VERBS = frozenset(
    """
    baptisé baptisée baptisés baptisées intitulé intitulée intitulés appelé appelée surnommé surnommée
    nommé nommée dite dénommé dénommée
""".split()
)
NAMING_WORDS = frozenset(
    """
    opération plan programme projet émission journal magazine livre film
    série salle mouvement collectif association label campagne slogan titre ouvrage rubrique
    hashtag mot-dièse application logiciel navire bateau roman romans album chanson chansons
    pièce spectacle documentaire disque recueil essai récit pétition exposition tableau œuvre bd
    single tube feuilleton podcast téléfilm court-métrage long-métrage opéra ballet comédie
""".split()
)

# Small words that may stay lower case inside a capitalised title or name.
TITLE_FUNCTION_WORDS = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "la",
        "le",
        "les",
        "l'",
        "et",
        "en",
        "à",
        "au",
        "aux",
        "sur",
        "pour",
        "of",
        "the",
        "and",
        "von",
        "van",
        "der",
    }
)


@cache
def speech_forms() -> tuple[str, ...]:
    """Every conjugated speech verb form, longest first (for regex alternation)."""
    forms: set[str] = set()
    for verb in _ER_SPEECH:
        forms.update(regular_forms(verb))
    for more in _IRREGULAR_SPEECH.values():
        forms.update(more)
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def _speech_form_set() -> frozenset[str]:
    return frozenset(speech_forms())


def speech_form(word: str) -> bool:
    """Whether `word` is a conjugated form of a speech verb ('indiqué', 'ajoute')."""
    return word in _speech_form_set()


def _escape(ch: str) -> str:
    # "faisait de son côté remarquer": an adverbial may split a verb of several words.
    return rf"\s+(?:{VERB_ADVERBS}\s+)?" if ch == " " else re.escape(ch)


def _trie_pattern(words: tuple[str, ...]) -> str:
    """One regex for many words, factored by common prefixes: compiles and matches far
    faster than a flat alternation of a thousand verb forms."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [_escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return emit(trie)


@cache
def speech_verb_pattern() -> str:
    """A regex matching any speech verb form (callers add the word boundaries)."""
    return rf"(?:{_trie_pattern(speech_forms())})"



_FEMININE_ROLE_ENDINGS = ("rice", "euse", "ienne", "ière", "esse", "ante", "ée")
_MASCULINE_ROLE_ENDINGS = ("eur", "ien", "ier", "ant", "é")


def role_gender(head: str) -> str | None:
    """The gender a role noun's own form gives ('présidente', 'directrice' → f; 'président',
    'chercheur' → m); None for a noun of both genders ('ministre', 'juge', 'porte-parole')."""
    h = head.lower()
    known = ROLE_NOUNS | ANONYMOUS_PERSON_NOUNS | UNNAMED_WITNESS_NOUNS
    if h not in known:
        return None
    if h.endswith(_FEMININE_ROLE_ENDINGS) or (h.endswith("e") and h[:-1] in known):
        return "f"
    if h + "e" in known or h.endswith(_MASCULINE_ROLE_ENDINGS):
        return "m"
    return None
