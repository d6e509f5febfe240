"""Professions: nouns that name what someone does, a role in themselves ("l'écrivain X",
"le réalisateur X") and a person when a description uses them ("le chanteur canadien")."""

from __future__ import annotations

# Functions the lexicon's role nouns leave out, common in news about culture and sport.
PROFESSIONS = frozenset(
    """
    chanteur chanteuse acteur actrice comédien comédienne réalisateur réalisatrice producteur
    productrice écrivain écrivaine romancier romancière auteur autrice compositeur compositrice
    coach technicien technicienne joueur joueuse footballeur footballeuse attaquant attaquante
    gardien gardienne défenseur défenseure capitaine arbitre pilote astronaute spationaute
    urgentiste chirurgien chirurgienne infirmier infirmière pompier adjudant brigadier gendarme
    animateur animatrice présentateur présentatrice éditeur éditrice patron patronne gérant gérante
    boulanger boulangère agriculteur agricultrice commerçant commerçante
    astronome astrophysicien astrophysicienne mathématicien mathématicienne chimiste philosophe
    juriste généticien généticienne anthropologue archéologue paléontologue géologue glaciologue
    volcanologue sismologue océanographe botaniste écologue linguiste neurologue cardiologue
""".split()
)
