"""Dutch texts for notes, in the tone of the field: short, practical, about partners and the neighbourhood.

Placeholders: ``{org}`` the partner, ``{other}`` a second partner, ``{person}`` a contact's first name,
``{nbh}`` the neighbourhood, ``{street}`` a street or square of the district.
"""

from __future__ import annotations

NOTES: dict[str, tuple[str, ...]] = {
    "call": (
        "Gebeld met {person} van {org} over de jongeren die rond {street} hangen. {person} herkent het "
        "beeld en bespreekt het deze week in het team.",
        "{person} ({org}) belde: twee jongens uit {nbh} zijn gestopt met school. Leerplicht weet ervan.",
        "Kort telefonisch contact met {person}: zomeractiviteiten in {nbh} zijn rond, flyer volgt per mail.",
        "Telefoontje met {org} over de overlast in de portieken aan de {street}. Huismeester gaat langs.",
        "Gebeld met {person} over de afspraak van vorige week. Loopt, maar kost meer tijd dan gedacht.",
        "{person} van {org} teruggebeld. Vraag over de aanmeldingen voor de huiswerkklas; doorverwezen naar "
        "{other}.",
        "Afgestemd met {person} wie er vrijdagavond aanwezig is bij {street}. Jongerenwerk en wijkagent gaan "
        "samen.",
        "Gebeld over de nieuwe contactpersoon bij {org}. Gegevens in de lijst aangepast.",
        "{person} belde na de vechtpartij bij {street}. Rustig gebleven; ouders zijn gebeld.",
        "Telefonisch bijgepraat met {person} over de stand van zaken in {nbh}: rustige maand, wel zorgen "
        "over een groep jongere tieners.",
        "Met {person} gesproken over een gezamenlijke aanpak voor de jongeren bij het winkelcentrum.",
        "Kort gebeld: {org} kan dit keer niet bij het netwerkoverleg zijn, {person} stuurt input per mail.",
    ),
    "visit": (
        "Op bezoek bij {org}. Kennisgemaakt met {person} en de nieuwe collega's. We gaan elkaar vaker zien.",
        "Langs geweest bij {org} in {nbh}. Veel jongeren in de middag, sfeer goed. Vraag naar extra "
        "begeleiding op woensdag.",
        "Werkbezoek aan {org} samen met {other}. Goed gesprek over wat ze zien in {nbh}.",
        "Avondronde gelopen met {person} door {nbh}. Rond {street} een groep van acht jongens, aangesproken, "
        "rustig.",
        "Bij {org} aangeschoven bij hun teamoverleg om het netwerk in {nbh} toe te lichten.",
        "Koffie gedronken met {person} bij {org}. Ze willen graag meedoen aan de lokale reflectie.",
        "Bezoek aan {org}: de ruimte aan de {street} kan op vrijdagavond gebruikt worden voor activiteiten.",
        "Met {person} langs de scholen in {nbh} gelopen bij het uitgaan. Geen bijzonderheden.",
        "Open dag van {org} bezocht. Veel ouders, goede sfeer. Contact gelegd met {other}.",
    ),
    "email": (
        "Mail van {person} ({org}) met het overzicht van de activiteiten in {nbh} voor de komende maand.",
        "Verslag van het netwerkoverleg gemaild aan {org} en {other}.",
        "{person} mailt dat {org} een nieuwe teamleider heeft. Kennismaking inplannen.",
        "Uitnodiging voor de lokale reflectie verstuurd naar {org}.",
        "Per mail gevraagd of {org} de signalen rond {street} herkent. Antwoord: ja, vooral in de avond.",
        "Mail van {org}: de subsidieaanvraag voor het buurtproject in {nbh} is toegekend.",
        "Contactgegevens van {person} bijgewerkt na mail van {org}.",
        "Mail aan {person} met de afspraken uit het bilateraal overleg.",
        "{org} vraagt om een contactpersoon bij {other}. Doorgestuurd met toestemming.",
        "Nieuwsbrief van {org} ontvangen; het jongerenpanel in {nbh} start na de herfstvakantie.",
        "Mail van {person}: de ouderavond over online veiligheid is goed bezocht (ca. 40 ouders).",
    ),
    "meeting": (
        "Bilateraal met {person} van {org}. Samenwerking met {other} loopt beter sinds de vaste belmomenten.",
        "Overleg met {org} en {other} over de zomerperiode in {nbh}: wie is wanneer aanwezig.",
        "Casusoverleg met {org} over een gezin in {nbh}. Eén plan, buurtteam neemt de regie.",
        "Overleg met {person} over de aanpak van de hangplek bij {street}.",
        "Evaluatie van het voetbaltoernooi met {org}: 60 jongeren, geen incidenten. Volgend jaar weer.",
        "Met {org} de resultaten van de jongerenenquête in {nbh} besproken.",
        "Gesprek met {person} over de inzet van ervaringsdeskundigen bij {org}.",
    ),
    "signal": (
        "Oproep op sociale media om te rellen bij winkelcentrum {street}. Binnen het uur afgestemd met "
        "jongerenwerk, politie en {org}; 's avonds samen op straat.",
        "Overlast scooters op het plein bij {street}. {org} herkent het; wijkagent is ingelicht.",
        "Signaal van {org}: jongeren uit {nbh} worden benaderd om pakketjes rond te brengen.",
        "{person} ({org}) meldt een groep van ongeveer tien jongeren die 's avonds in de portiekflat aan de "
        "{street} hangt. Bewoners voelen zich onveilig.",
        "Signaal: vuurwerk afgestoken bij {street}, twee ruiten kapot. {org} en {other} geïnformeerd.",
        "Ouders in {nbh} maken zich zorgen over een filmpje dat rondgaat op TikTok. Met {org} afgestemd wie "
        "contact opneemt.",
        "Meerdere meldingen van spanningen tussen twee groepen jongeren uit {nbh}. Jongerenwerk gaat het "
        "gesprek aan.",
        "Signaal van de school: meer verzuim na de vakantie in {nbh}. Leerplicht en {org} gaan kijken.",
        "Drugsafval gevonden bij het speelveld aan de {street}. Gemeld bij {org}.",
        "Bewoners melden een vechtpartij bij het metrostation. {org} was ter plekke; geen ernstig letsel.",
        "Zorgen van {person} ({org}) over een jongen die steeds vaker met oudere jongens optrekt.",
        "Intimidatie van een huismeester aan de {street}. {org} en {other} nemen contact op met de ouders.",
    ),
    "other": (
        "Netwerkkaart van {nbh} bijgewerkt met de nieuwe contactpersonen van {org}.",
        "Training 'signalen herkennen' gevolgd samen met {org} en {other}.",
        "Presentatie over de geïntegreerde werkwijze gegeven bij {org}.",
        "Bijeenkomst in de buurt bijgewoond; veel bewoners uit {nbh}, goede opkomst.",
        "Iftar-maaltijd bij {org}. Veel partners aanwezig, mooie ontmoeting.",
        "Buurtfeest op het plein bij {street}. {org} en {other} hadden een kraam.",
        "Contactgegevens van {org} gecontroleerd; website klopt niet meer.",
        "Notitie voor het kwartaalverslag: de samenwerking tussen {org} en {other} is duidelijk versterkt.",
    ),
}

FOLLOW_UP_TAILS = (
    " Volgende week nabellen.",
    " Terugkoppelen in het netwerkoverleg.",
    " Nagaan of de afspraak is nagekomen.",
    " Nog een reactie van {other} afwachten.",
)
