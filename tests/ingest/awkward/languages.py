"""Short news paragraphs in languages other than English, written for newsprism's tests (issue 15:
non-English articles are skipped with "language xx: not analysed"), and English text that quotes
foreign words and names (it must still be analysed)."""

from __future__ import annotations

NON_ENGLISH: dict[str, str] = {
    "de": ("Die Polizei hat am Donnerstag in Berlin drei Männer festgenommen, die nach Angaben der "
           "Staatsanwaltschaft einen Anschlag auf einen Weihnachtsmarkt geplant haben sollen. Die Verdächtigen "
           "wurden in ihren Wohnungen im Stadtteil Neukölln gefasst. Ein Sprecher der Behörde sagte, es gebe "
           "keine Hinweise auf weitere Täter. Die Ermittlungen dauern noch an, und der Markt bleibt geöffnet, "
           "wie die Stadt am Abend mitteilte. Auch die Bundesregierung äußerte sich zu dem Fall."),
    "fr": ("La police a arrêté jeudi trois hommes soupçonnés de préparer un attentat contre un marché de Noël "
           "à Strasbourg, selon le parquet. Les suspects ont été interpellés dans leurs appartements du centre "
           "de la ville. Un porte-parole a déclaré qu'il n'y avait pas d'autres complices. L'enquête se poursuit "
           "et le marché reste ouvert, a précisé la mairie dans un communiqué publié dans la soirée."),
    "es": ("La policía detuvo el jueves a tres hombres sospechosos de planear un atentado contra un mercado "
           "navideño en Madrid, según la fiscalía. Los sospechosos fueron arrestados en sus pisos del centro de "
           "la ciudad. Un portavoz dijo que no hay más implicados y que la investigación sigue abierta. El "
           "mercado permanece abierto, informó el ayuntamiento en un comunicado publicado por la noche."),
    "it": ("La polizia ha arrestato giovedì tre uomini sospettati di preparare un attentato contro un mercatino "
           "di Natale a Milano, secondo la procura. I sospettati sono stati fermati nelle loro case nel centro "
           "della città. Un portavoce ha detto che non ci sono altri complici e che le indagini continuano. Il "
           "mercato resta aperto, ha comunicato il comune in una nota diffusa in serata."),
    "pt": ("A polícia prendeu na quinta-feira três homens suspeitos de planear um atentado contra um mercado de "
           "Natal em Lisboa, segundo o Ministério Público. Os suspeitos foram detidos nas suas casas no centro da "
           "cidade. Um porta-voz disse que não há outros envolvidos e que a investigação continua. O mercado "
           "continua aberto, informou a câmara municipal num comunicado divulgado à noite."),
    "nl": ("De politie heeft donderdag in Amsterdam drie mannen aangehouden die volgens het Openbaar Ministerie "
           "een aanslag op een kerstmarkt zouden hebben voorbereid. De verdachten werden in hun woningen in het "
           "centrum van de stad opgepakt. Een woordvoerder zei dat er geen andere verdachten zijn en dat het "
           "onderzoek nog loopt. De markt blijft open, meldde de gemeente in een verklaring."),
    "pl": ("Policja zatrzymała w czwartek w Warszawie trzech mężczyzn, którzy według prokuratury mieli planować "
           "zamach na jarmark bożonarodzeniowy. Podejrzani zostali zatrzymani w swoich mieszkaniach w centrum "
           "miasta. Rzecznik powiedział, że nie ma innych sprawców, a śledztwo jest prowadzone dalej. Jarmark "
           "pozostaje otwarty, jak poinformował urząd miasta w komunikacie wydanym wieczorem. To już drugi taki "
           "przypadek w tym roku."),
    "tr": ("Polis perşembe günü İstanbul'da bir Noel pazarına saldırı planladığından şüphelenilen üç kişiyi "
           "gözaltına aldı. Savcılığın açıklamasına göre şüpheliler kent merkezindeki evlerinde yakalandı. Bir "
           "sözcü, başka şüpheli olmadığını ve soruşturmanın sürdüğünü söyledi. Pazar açık kalacak, belediye "
           "akşam yaptığı açıklamada bunu duyurdu. Bu yıl bu tür bir olay ikinci kez yaşandı ve halk da "
           "bu konuda endişeli olduğunu söyledi, çünkü daha önce de benzer bir olay olmuştu."),
    "sv": ("Polisen grep på torsdagen tre män i Stockholm som enligt åklagaren ska ha planerat ett attentat mot en "
           "julmarknad. De misstänkta greps i sina lägenheter i centrala staden. En talesperson sade att det inte "
           "finns fler misstänkta och att utredningen fortsätter. Marknaden är öppen som vanligt, meddelade "
           "kommunen på kvällen, och polisen har ökat sin närvaro där."),
    "id": ("Polisi menangkap tiga pria di Jakarta pada hari Kamis yang diduga merencanakan serangan terhadap pasar "
           "Natal, kata jaksa. Para tersangka ditangkap di rumah mereka di pusat kota. Seorang juru bicara "
           "mengatakan bahwa tidak ada pelaku lain dan penyelidikan masih berlangsung. Pasar itu tetap dibuka, "
           "menurut pernyataan pemerintah kota yang dikeluarkan pada malam hari dengan alasan keamanan."),
    "ro": ("Poliția a arestat joi trei bărbați suspectați că ar fi pregătit un atentat la un târg de Crăciun din "
           "București, potrivit procurorilor. Suspecții au fost prinși în locuințele lor din centrul orașului. "
           "Un purtător de cuvânt a spus că nu sunt alți suspecți și că ancheta continuă. Târgul rămâne deschis, "
           "a anunțat primăria într-un comunicat publicat seara pentru locuitorii care au fost îngrijorați."),
    "cs": ("Policie ve čtvrtek zadržela v Praze tři muže, kteří podle státního zástupce plánovali útok na vánoční "
           "trh. Podezřelí byli zadrženi ve svých bytech v centru města. Mluvčí řekl, že žádní další pachatelé "
           "nejsou a vyšetřování pokračuje. Trh je nadále otevřený, jak oznámil magistrát ve večerním prohlášení, "
           "které bylo zveřejněno na jeho webu. Je to již druhý takový případ v tomto roce a lidé se bojí."),
    "hu": ("A rendőrség csütörtökön Budapesten őrizetbe vett három férfit, akik az ügyészség szerint merényletet "
           "terveztek egy karácsonyi vásár ellen. A gyanúsítottakat a lakásukban fogták el a város központjában. "
           "Egy szóvivő azt mondta, hogy nincs más gyanúsított, és a nyomozás folytatódik. A vásár nyitva marad, "
           "közölte este a főváros, és a rendőrség is megerősítette, hogy már nincs veszély."),
    "fi": ("Poliisi pidätti torstaina Helsingissä kolme miestä, joiden epäillään suunnitelleen iskua joulutorille, "
           "kertoi syyttäjä. Epäillyt pidätettiin kodeistaan keskustassa. Tiedottajan mukaan muita epäiltyjä ei "
           "ole ja tutkinta jatkuu. Tori on auki, ja kaupunki kertoi asiasta illalla, mutta poliisi on nyt "
           "paikalla myös yöllä, kun se on aiemmin ollut vain päivällä."),
    "ru": ("Полиция в четверг задержала в Москве трёх мужчин, которые, по данным прокуратуры, готовили нападение "
           "на рождественскую ярмарку. Подозреваемые были задержаны в своих квартирах в центре города. Как сказал "
           "представитель ведомства, других участников нет, но следствие продолжается."),
    "el": ("Η αστυνομία συνέλαβε την Πέμπτη στην Αθήνα τρεις άνδρες που, σύμφωνα με την εισαγγελία, σχεδίαζαν "
           "επίθεση σε χριστουγεννιάτικη αγορά. Οι ύποπτοι συνελήφθησαν στα σπίτια τους στο κέντρο της πόλης."),
    "ja": "木曜日の朝、市民と負傷者を乗せたバスの最初の車列が東部地区を出発したと赤十字が発表した。" * 3,
    "ko": "목요일 아침 민간인과 부상자를 태운 첫 버스 행렬이 동부 지역을 떠났다고 적십자가 밝혔다. " * 3,
    "zh": "星期四早上，载有平民和伤员的第一批巴士车队离开了城市东部，红十字会说。" * 3,
}

# English articles full of foreign words and names: analysed, never skipped
ENGLISH_WITH_FOREIGN = [
    ("Chancellor Olaf Scholz told the Bundestag on Wednesday that the Zeitenwende was not over. \"Wir schaffen "
     "das,\" he said, borrowing the phrase of Angela Merkel, and the deputies of the CDU/CSU laughed. The "
     "Frankfurter Allgemeine Zeitung called the speech a Kehrtwende. He said the government would spend more "
     "on the Bundeswehr and that the Schuldenbremse would stay. The opposition said it was not enough."),
    ("In São Paulo, the mayor said the Carnaval parade would go ahead despite the rain. Residents of the "
     "favelas of Paraisópolis and Heliópolis told the Folha de S.Paulo that the city had ignored them for years. "
     "\"Não aguentamos mais,\" one woman said. The governor of the state, who was at the Palácio dos "
     "Bandeirantes, said he would visit the area on Friday and that aid was on its way."),
    ("Le Monde reported that President Emmanuel Macron met the leaders of the gilets jaunes at the Élysée. "
     "The movement, which began over a taxe carbone on diesel, has spread across France. \"C'est fini,\" said "
     "one protester in Paris, but others said they would march again on Saturday. The Prime Minister told "
     "the Assemblée nationale that the government had heard the anger and would act."),
]
