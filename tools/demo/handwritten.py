"""Profiles written by hand, one by one, for organizations whose people would write something
particular. They come first for their organization; composed profiles fill the rest."""

P = []


def add(org, kind, themes, coop, keywords, **texts):
    P.append(dict(organization=org, kind=kind, themes=themes, cooperation=coop,
                  keywords=keywords, **texts))


add("it-polimi", "offer", "manufacturing.industry40;materials", "joint_research;technology_transfer",
    "fabbricazione additiva;Inconel;titanio;linea pilota;qualifica di processo",
    title_it="Linea pilota per fabbricazione additiva metallica (L-PBF e DED)",
    text_it="Il laboratorio AddMe.Lab del Dipartimento di Meccanica ha due macchine L-PBF e una cella DED "
    "robotizzata. Lavoriamo su titanio, Inconel 718 e acciai maraging. Offriamo: qualifica di processo, "
    "progettazione per additive (ottimizzazione topologica), prove meccaniche e CT. Vorremmo confrontarci "
    "con gruppi cinesi che producono polveri metalliche: da noi il costo delle polveri è il primo freno "
    "all'adozione da parte delle PMI.",
    title_en="Pilot line for metal additive manufacturing (L-PBF and DED)",
    text_en="AddMe.Lab at our Department of Mechanical Engineering runs two L-PBF machines and a robotic DED cell. "
    "We work on titanium, Inconel 718 and maraging steels and offer process qualification, design for AM "
    "(topology optimisation), mechanical testing and CT. We would like to talk to Chinese groups producing "
    "metal powders: powder cost is the first obstacle for SMEs here.")
add("cn-cdhtz", "request", "ict.microelectronics;health.biotech;design", "investment;commercial;technology_transfer",
    "集成电路;生物医药;工业设计;外资落地;中意合作",
    title_zh="高新区诚邀意大利企业和研发机构落户",
    text_zh="成都高新区正在建设“中意创新合作园”，重点引进三类项目：一是功率半导体和传感器设计企业；"
    "二是医疗器械和生物医药研发机构，可利用天府国际生物城的中试平台；三是工业设计和品牌设计公司。"
    "对首次在蓉设立研发中心的意大利机构，可提供三年免租办公空间、人才公寓和最高500万元的研发补助。"
    "现场将有投资促进局的同事用英文和中文解答政策问题。",
    title_en="Chengdu Hi-tech Zone invites Italian companies and R&D centres",
    text_en="The zone is building a China-Italy innovation park and is mainly looking for three kinds of projects: "
    "power semiconductor and sensor design firms; medical device and biomedical R&D, which can use the pilot "
    "platforms at Tianfu International Bio-Town; and industrial and brand design studios. Italian bodies opening "
    "their first R&D centre in Chengdu can get three years of rent-free offices, talent apartments and R&D "
    "grants of up to 5 million yuan.")
add("it-sssa", "cooperation", "manufacturing.robotics;health.devices", "joint_research;training_exchange",
    "biorobotica;riabilitazione;protesi;Chongqing;doppio dottorato",
    title_it="Biorobotica per la riabilitazione: laboratorio congiunto Pisa–Chongqing",
    text_it="Da anni l'Istituto di BioRobotica ha una sede a Chongqing. Vorremmo trasformarla in un vero "
    "laboratorio congiunto con un ospedale e un'università del Sud-Ovest: robot per la riabilitazione dell'arto "
    "superiore, protesi di mano e sistemi indossabili per anziani. Da parte nostra: prototipi, brevetti, "
    "dottorandi. Dal partner cinese ci aspettiamo pazienti per gli studi clinici e capacità produttiva.",
    title_en="Biorobotics for rehabilitation: a Pisa–Chongqing joint lab",
    text_en="The BioRobotics Institute has had an office in Chongqing for years. We would like to make it a real "
    "joint lab with a hospital and a university in the South-West: upper-limb rehabilitation robots, prosthetic "
    "hands and wearables for older people. We bring prototypes, patents and PhD students; we expect from the "
    "Chinese partner patients for clinical studies and manufacturing capacity.")
add("cn-dunhuang", "request", "heritage.restoration", "joint_research;training_exchange",
    "壁画保护;盐害;加固材料;修复师培训",
    title_zh="寻求意大利壁画保护专家合作研究洞窟壁画盐害问题",
    text_zh="莫高窟部分洞窟壁画受可溶盐影响，出现酥碱、起甲等病害。我们希望与意大利在湿壁画保护方面"
    "有经验的机构合作，比较两国在脱盐、加固材料和环境监测方面的做法，并开展青年修复师的互派培训。"
    "我院可提供现场、监测数据和住宿。",
    title_en="Seeking Italian mural-conservation experts to study salt damage in cave paintings",
    text_en="Some of the Mogao cave murals suffer from soluble salts, which cause powdering and flaking. We hope to work "
    "with Italian institutions experienced in fresco conservation to compare desalination, consolidants and "
    "environmental monitoring, and to exchange young conservators. We provide site access, monitoring data and "
    "accommodation.")
add("it-icr", "offer", "heritage.restoration;education", "training_exchange;joint_research",
    "restauro;pitture murali;formazione;cantiere-scuola",
    title_it="Cantiere-scuola di restauro di pitture murali",
    text_it="L'ICR propone un modulo di formazione di tre mesi per restauratori cinesi: un mese a Roma sui "
    "fondamenti (materiali, diagnostica, documentazione), due mesi in un cantiere-scuola su pitture murali. "
    "Insegnamento in italiano con interpretariato in cinese. Potremmo poi replicare il modello in un sito cinese.",
    title_zh="壁画修复实训课程",
    text_zh="意大利中央修复研究院为中国修复师开设为期三个月的培训：第一个月在罗马学习材料、检测和记录方法，"
    "后两个月在壁画修复现场实训。用意大利语授课，配中文翻译。之后可在中国的遗址复制这一模式。")
add("cn-bfsu", "cooperation", "education", "language_teaching;training_exchange",
    "意大利语;口译;联合培养;师资",
    title_zh="意大利语口笔译人才联合培养",
    text_zh="我校意大利语专业创办于1962年。我们希望与意大利大学合作开设中意口笔译方向的联合硕士项目，"
    "学生在北京和意大利各学习一年，并希望每年邀请两到三名意大利语外教。",
    title_en="Joint training of Italian-Chinese interpreters and translators",
    text_en="Our Italian programme was founded in 1962. We would like to set up a joint master's in Chinese-Italian "
    "interpreting and translation with an Italian university, one year in Beijing and one in Italy, and we would "
    "like to invite two or three native Italian teachers a year.")
add("it-unior", "offer", "education;ai.language", "language_teaching;training_exchange",
    "sinologia;interpretariato;didattica del cinese;traduzione",
    title_it="Corsi di cinese per aziende e formazione di interpreti",
    text_it="L'Orientale insegna il cinese dal Settecento. Oggi offriamo, oltre ai corsi di laurea, moduli "
    "di cinese tecnico per aziende (meccanica, agroalimentare, farmaceutica) e un laboratorio di interpretazione "
    "consecutiva. Cerchiamo università cinesi per tirocini di interpretariato durante fiere e missioni.")
add("cn-cdutcm", "cooperation", "health.tcm;agrifood.safety", "joint_research;technology_transfer",
    "道地药材;质量标准;欧盟注册;针灸",
    title_zh="川产道地药材质量标准与欧盟注册联合研究",
    text_zh="我校拥有川芎、附子、黄连等道地药材的规范化种植基地和质量检测平台。希望与意大利大学药学院"
    "或植物药企业合作，研究重金属和农残控制方法，推动一到两个中药复方在欧盟按传统草药注册。"
    "同时欢迎意大利医生来我校附属医院学习针灸。",
    title_en="Joint research on quality standards and EU registration of Sichuan medicinal herbs",
    text_en="We run standardised plantations and a testing platform for Sichuan herbs such as Ligusticum chuanxiong, "
    "aconite and coptis. We hope to work with an Italian pharmacy school or botanical company on controlling "
    "heavy metals and pesticide residues, aiming at EU traditional-herbal registration of one or two formulas. "
    "Italian doctors are also welcome to study acupuncture at our hospital.")
add("it-oleificio-murgia", "request", "agrifood", "commercial",
    "olio extravergine;DOP Terra di Bari;importatori;Horeca",
    title_it="Cerchiamo importatore per olio extravergine DOP",
    text_it="Frantoio di famiglia, 120 ettari di ulivi di coratina, 400 tonnellate di olio l'anno. "
    "Esportiamo già in Giappone e Canada. Per la Cina cerchiamo un importatore che lavori con ristoranti "
    "e hotel, non solo con l'e-commerce: il nostro olio va spiegato e assaggiato.",
    title_en="Looking for an importer for PDO extra-virgin olive oil",
    text_en="Family mill, 120 hectares of Coratina olive trees, 400 tonnes of oil a year. We already export to "
    "Japan and Canada. For China we want an importer who works with restaurants and hotels, not only online: "
    "our oil has to be explained and tasted.")
add("cn-tianfu-food", "request", "agrifood.safety;manufacturing.industry40", "commercial;technology_transfer",
    "包装机械;欧盟标签;过敏原;出口",
    title_en="Looking for Italian packaging lines and EU labelling advice",
    text_en="We make Pixian bean paste and hotpot bases and export to 30+ countries, but Europe is still small for "
    "us. Two problems: our packaging line is old (we'd like an Italian aseptic or retort pouch line) and EU "
    "labelling rules — allergens, additives, nutrition table — keep blocking shipments. We are looking for a "
    "machine builder and a lab or consultant who can help with both.")
add("it-pack-food", "offer", "agrifood.safety;manufacturing.industry40", "commercial",
    "confezionamento asettico;sterilizzazione;buste retort;salse",
    title_it="Linee di confezionamento asettico e in buste retort",
    text_it="Costruiamo linee complete per salse, sughi, latte e succhi: sterilizzazione, riempimento asettico "
    "e buste retort fino a 120 pezzi al minuto. Abbiamo un impianto demo a Parma dove il cliente può provare "
    "la propria ricetta. Interessati a produttori di condimenti e salse piccanti che vogliono esportare in Europa.",
    title_en="Aseptic and retort-pouch packaging lines",
    text_en="We build complete lines for sauces, milk and juice: sterilisation, aseptic filling and retort pouches up "
    "to 120 a minute. Customers can test their own recipe on our demo line in Parma. We are keen to meet "
    "condiment and chilli-sauce producers who want to export to Europe.")
add("cn-cas-ioe", "offer", "ict.microelectronics;aerospace", "joint_research;technology_transfer",
    "自适应光学;光刻;微纳加工;天文望远镜",
    title_zh="自适应光学与微细加工技术合作",
    text_zh="我所在自适应光学领域有三十多年积累，研制的系统已用于多台天文望远镜和激光装置。"
    "同时拥有超分辨光刻和微纳加工平台。希望与意大利天文和光学研究机构合作，共同参与欧洲大型望远镜的仪器研制。",
    title_en="Adaptive optics and micro-fabrication",
    text_en="We have more than thirty years of work in adaptive optics; our systems are used on several telescopes and "
    "laser facilities. We also have super-resolution lithography and micro/nano fabrication platforms, and would "
    "like to work with Italian astronomy and optics institutes on instruments for large European telescopes.")
add("it-inaf", "cooperation", "aerospace;ict", "joint_research",
    "ottica adattiva;telescopi;strumentazione;ELT",
    title_en="Adaptive optics instrumentation for extremely large telescopes",
    text_en="INAF builds adaptive-optics modules for the ELT. We are interested in Chinese groups with deformable "
    "mirrors and wavefront sensors: a joint test campaign on a 2-metre-class telescope in China or Italy would "
    "already be a useful first step.")
add("cn-liangjiang", "request", "smartcity.mobility;manufacturing.industry40", "investment;technology_transfer;commercial",
    "汽车设计;智能网联;零部件;中意产业园",
    title_zh="两江新区寻找意大利汽车设计和零部件企业",
    text_zh="两江新区汽车年产量超过一百万辆，正在从传统燃油车转向新能源和智能网联汽车。我们特别希望引进意大利的"
    "汽车设计公司、轻量化零部件企业和赛车技术团队，可在两江协同创新区提供研发楼宇和测试道路。")
add("it-autocomp-piemonte", "cooperation", "smartcity.mobility;materials", "commercial;investment",
    "telai in alluminio;veicoli elettrici;joint venture;Chongqing",
    title_it="Telai in alluminio per veicoli elettrici: joint venture in Cina",
    text_it="Forniamo telai e sottoscocche in alluminio estruso a due costruttori europei. Valutiamo una "
    "joint venture in Cina, vicino a un cliente, per servire anche i marchi cinesi che vendono in Europa. "
    "Ci interessa in particolare l'area di Chongqing.",
    title_en="Aluminium frames for electric vehicles: joint venture in China",
    text_en="We supply extruded-aluminium frames and subframes to two European carmakers and are considering a joint "
    "venture in China, close to a customer, to also serve Chinese brands selling in Europe. Chongqing is of "
    "particular interest.")
add("cn-cau", "request", "agrifood.safety;agrifood", "joint_research;training_exchange",
    "奶酪;发酵剂;乳品安全;联合培养",
    title_zh="寻求意大利乳品科学合作伙伴",
    text_zh="中国奶酪消费增长很快，但本土发酵剂和成熟工艺研究不足。我们希望与意大利大学食品系合作研究硬质奶酪的"
    "微生物群落和风味形成，每年互派两到三名研究生。",
    title_en="Looking for Italian partners in dairy science",
    text_en="Cheese consumption in China is growing fast, but research on local starter cultures and ripening is thin. "
    "We would like to study the microbiota and flavour of hard cheeses with an Italian food science department, "
    "exchanging two or three graduate students a year.")
add("it-unipr", "offer", "agrifood.safety", "joint_research;training_exchange",
    "Parmigiano Reggiano;microbiologia lattiero-casearia;stagionatura",
    title_it="Microbiologia dei formaggi a lunga stagionatura",
    text_it="Il nostro gruppo studia da vent'anni il microbiota del Parmigiano Reggiano, dalla sieroinnesto alla "
    "stagionatura. Abbiamo una collezione di ceppi lattici e un caseificio sperimentale. Possiamo accogliere "
    "dottorandi cinesi e progettare insieme prove di caseificazione con latte cinese.")
add("cn-zgc", "offer", "ai;health.biotech;ict", "investment;commercial",
    "孵化器;软着陆;投融资;北京",
    title_en="Soft-landing programme for Italian start-ups in Zhongguancun",
    text_en="Our international incubators offer Italian start-ups six months of free desks, help with company "
    "registration and introductions to investors and corporate customers. Last year 14 European start-ups went "
    "through the programme. We are particularly looking for AI, medtech and biotech teams.")
add("it-citta-scienza", "cooperation", "education;heritage.digital", "training_exchange;other",
    "science centre;incubatore;divulgazione;Settimana Italia-Cina",
    title_it="Science centre e incubatore: scambi con i parchi scientifici cinesi",
    text_it="Città della Scienza organizza la Settimana Italia-Cina dal 2010. Vorremmo portare a Napoli una mostra "
    "interattiva prodotta con un museo della scienza cinese e ospitare, nel nostro incubatore, start-up cinesi "
    "che vogliono entrare nel mercato europeo.",
    title_zh="科学中心与孵化器：与中国科技园区的交流",
    text_zh="那不勒斯科学城自2010年起组织中意创新合作周。我们希望与中国科技馆合作在那不勒斯举办互动展览，"
    "并在我们的孵化器接待希望进入欧洲市场的中国初创企业。")
add("cn-sanxingdui", "request", "heritage.restoration;heritage.digital", "joint_research;training_exchange",
    "青铜器修复;考古现场;数字化;展览",
    title_zh="三星堆青铜器修复与展示合作",
    text_zh="新发现的祭祀坑出土了大量青铜器、金器和象牙，修复工作量很大。希望与意大利青铜器修复专家交流，"
    "也希望未来与意大利博物馆合作举办三星堆文物展。")
add("it-opd", "offer", "heritage.restoration", "joint_research;training_exchange",
    "bronzi;restauro;Porta del Paradiso;diagnostica",
    title_it="Restauro di grandi bronzi",
    text_it="Il settore bronzi e armi antiche dell'Opificio ha restaurato, tra l'altro, la Porta del Paradiso del "
    "Ghiberti e i Bronzi di Riace. Possiamo condividere protocolli di pulitura, consolidamento e conservazione "
    "preventiva e accogliere restauratori per stage di alcuni mesi.",
    title_en="Restoration of large bronzes",
    text_en="Our bronzes and ancient weapons department has restored, among others, Ghiberti's Gates of Paradise and "
    "the Riace Bronzes. We can share cleaning, consolidation and preventive-conservation protocols and host "
    "conservators for placements of a few months.")
add("cn-huaxia-battery", "offer", "energy.renewables", "commercial;investment",
    "储能;LFP;电池管理系统;欧洲项目",
    title_en="Containerised LFP storage for European PV projects",
    text_en="20-foot containerised LFP systems, 3.7 MWh each, liquid cooled, with our own BMS and EMS. CE and "
    "IEC 62619 certified. We already have projects in Germany and Spain and want to open Italy: looking for EPC "
    "contractors and developers of agrivoltaic plants.")
add("it-energia-verde", "request", "energy.renewables", "commercial",
    "agrivoltaico;accumulo;fornitori;bancabilità",
    title_it="Cerchiamo fornitori di accumulo per impianti agrivoltaici",
    text_it="Nei prossimi due anni costruiremo circa 180 MW di agrivoltaico in Puglia e Sicilia. "
    "Cerchiamo fornitori di sistemi di accumulo a batteria con referenze bancabili in Europa e assistenza in "
    "Italia. Requisiti minimi: certificazioni CE e IEC, garanzia di 10 anni.")
add("cn-uestc", "offer", "ict.microelectronics;ict.5g", "joint_research;training_exchange",
    "射频芯片;太赫兹;6G;博士后",
    title_zh="射频与太赫兹器件联合研究",
    text_zh="我校电子薄膜与集成器件国家重点实验室在氮化镓射频器件和太赫兹技术方面有完整的设计、工艺和测试平台。"
    "欢迎意大利高校和研究所的博士生、博士后来蓉开展合作研究，学校提供住房和生活补助。",
    title_en="Joint research on RF and terahertz devices",
    text_en="Our state key lab has complete design, process and test platforms for GaN RF devices and terahertz "
    "technology. PhD students and postdocs from Italian universities and institutes are welcome in Chengdu; the "
    "university provides housing and a living allowance.")
add("it-unict", "request", "ict.microelectronics;energy.renewables", "joint_research;training_exchange",
    "carburo di silicio;nitruro di gallio;elettronica di potenza",
    title_en="Partners for wide-bandgap power electronics",
    text_en="Catania is home to one of Europe's largest SiC production sites. Our group designs and characterises SiC and "
    "GaN power devices and would like to start a joint PhD programme with a Chinese university strong in RF GaN, "
    "to compare reliability data on the two materials.")
add("cn-shengshi-edu", "request", "education;design", "training_exchange;language_teaching",
    "留学;艺术设计;预科;意大利语",
    title_zh="寻找意大利艺术设计院校和语言学校合作",
    text_zh="我们每年有约三百名学生申请意大利的艺术、设计和音乐专业，最大的问题是意大利语水平和作品集。"
    "希望与意大利的语言学校合作开设半年预科，与设计院校合作举办作品集工作坊。")
add("it-unistrapg", "offer", "education", "language_teaching;training_exchange",
    "italiano L2;Marco Polo;Turandot;CELI",
    title_it="Corsi di italiano per i programmi Marco Polo e Turandot",
    text_it="Ogni anno accogliamo più di 600 studenti cinesi. Corso di 10 mesi, classi di massimo 18 persone, "
    "tutor madrelingua cinesi per i primi mesi, esame CELI alla fine. Possiamo anche fare la parte iniziale del "
    "corso in Cina con docenti nostri.",
    title_zh="面向“马可·波罗”和“图兰朵”计划的意大利语课程",
    text_zh="佩鲁贾外国人大学每年接收六百多名中国学生。课程为期十个月，每班不超过十八人，前几个月有中文助教，"
    "结业时参加CELI考试。也可以派教师到中国开设前期课程。")
add("cn-xiangyun-uav", "offer", "aerospace;agrifood.precision", "commercial",
    "植保无人机;变量喷洒;葡萄园;示范",
    title_en="Spraying drones for vineyards on steep slopes",
    text_en="Our T40-class drones spray 20 hectares an hour and follow the terrain, which is useful on hillside "
    "vineyards where tractors cannot go. We'd like two or three Italian estates for a demonstration season and a "
    "dealer who understands Italian rules on aerial spraying.")
add("it-satagri", "cooperation", "agrifood.precision;aerospace", "technology_transfer;commercial",
    "Sentinel-2;stress idrico;vigneti;droni",
    title_it="Mappe di stress idrico + droni per l'irrorazione mirata",
    text_it="Le nostre mappe satellitari dicono dove la vigna soffre; manca chi intervenga in modo mirato. "
    "Cerchiamo un produttore di droni agricoli per integrare le mappe nei piani di volo, e provare il tutto in "
    "Basilicata e in un'area vitivinicola cinese (Ningxia?).")
