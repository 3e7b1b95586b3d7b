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
    text_it="Il settore bronzi e armi antiche dell'Opificio ha restaurato, tra l'altro, le porte bronzee del "
    "Battistero di Firenze, compresa la Porta del Paradiso del Ghiberti. Possiamo condividere protocolli di pulitura, consolidamento e conservazione "
    "preventiva e accogliere restauratori per stage di alcuni mesi.",
    title_en="Restoration of large bronzes",
    text_en="Our bronzes and ancient weapons department has restored, among others, the bronze doors of the "
    "Florence Baptistery, including Ghiberti's Gates of Paradise. We can share cleaning, consolidation and preventive-conservation protocols and host "
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

# ---- second batch: shorter, more varied voices

add("it-unibo", "offer", "agrifood;ai", "joint_research;technology_transfer",
    "agricoltura digitale;frutticoltura;sensori;Cesena",
    title_it="Frutteti digitali: sensori, modelli e robot nel campus di Cesena",
    text_it="Nel campus di Cesena abbiamo 12 ettari di frutteto sperimentale cablato: sensori di flusso linfatico, "
    "dendrometri, stazioni meteo e una piattaforma che stima il fabbisogno irriguo pianta per pianta. "
    "Risparmio d'acqua misurato negli ultimi tre anni: tra il 25 e il 40%. Cerchiamo un'università agraria cinese "
    "per replicare il protocollo su pesco e kiwi.")
add("it-unibo", "cooperation", "heritage.digital;ai.language", "joint_research;training_exchange",
    "digital humanities;manoscritti;OCR;Matteo Ricci",
    title_en="Digital humanities: Italian and Chinese historical documents",
    text_en="Our Digital Humanities Advanced Research Centre works on OCR and linked data for early modern documents. "
    "We would love a Chinese partner for the Jesuit-era sources (Ricci, Martini) held in both countries: a shared "
    "corpus, aligned Italian/Latin/Chinese texts, and two PhD positions co-supervised.")
add("cn-tsinghua", "offer", "smartcity.buildings;energy", "joint_research;training_exchange",
    "建筑节能;零碳建筑;光储直柔;示范工程",
    title_zh="零碳建筑与“光储直柔”技术",
    text_zh="清华大学建筑节能研究中心长期研究建筑能耗和低碳技术，“光储直柔”（光伏、储能、直流、柔性用电）"
    "系统已在多个示范工程中应用。希望与意大利在历史建筑节能改造方面开展比较研究——意大利老建筑多，"
    "我们新建筑多，正好互补。",
    title_en="Zero-carbon buildings and PEDF (PV, storage, DC, flexibility) systems",
    text_en="Our Building Energy Research Center has long studied building energy use and low-carbon technology; "
    "our PEDF systems are running in several demonstration projects. We'd like comparative research with Italy "
    "on retrofitting historic buildings: Italy has many old buildings, we have many new ones — a good match.")
add("cn-tsinghua", "request", "ai;manufacturing.robotics", "joint_research;training_exchange",
    "具身智能;人形机器人;联合培养;博士生",
    title_en="Embodied AI: looking for Italian humanoid-robot labs",
    text_en="Tsinghua's AI Industry Research institute is working on embodied intelligence. We are looking for Italian "
    "labs with humanoid platforms (we know iCub well) for joint experiments and a co-supervised PhD programme. "
    "Students could spend 12 months in Italy.")
add("it-iit", "offer", "manufacturing.robotics;ai", "joint_research;technology_transfer",
    "iCub;ergoCub;robot umanoidi;open source",
    title_en="iCub / ergoCub humanoid platforms and open-source software",
    text_en="IIT designs the iCub and ergoCub humanoids; iCub is used by more than 40 labs worldwide and its software "
    "is open source. We offer: robots on loan for joint projects, training for engineers, co-supervised PhDs "
    "in Genoa. Interested in Chinese partners working on tactile sensing and large-scale robot learning.")
add("cn-cas-ia", "cooperation", "ai.language;ai.vision", "joint_research",
    "多模态;大模型;意大利语;数据集",
    title_zh="多模态大模型的多语言评测",
    text_zh="我所在多模态大模型方面有较好基础，但意大利语等欧洲小语种的数据和评测很少。"
    "希望与意大利语言学研究机构合作构建中意双语多模态评测集，并联合发表。")
add("it-cnr-ilc", "offer", "ai.language;heritage.digital", "joint_research",
    "lessici;corpora;italiano antico;annotazione",
    title_it="Lessici computazionali e corpora annotati dell'italiano",
    text_it="ILC cura risorse lessicali e corpora dell'italiano (anche antico) usati da decine di gruppi. "
    "Possiamo contribuire con dati, schemi di annotazione ed esperti di valutazione a progetti su traduzione "
    "automatica e modelli linguistici che includano l'italiano.")
add("cn-scu", "offer", "health;health.devices", "joint_research;training_exchange",
    "华西医院;临床试验;生物材料;康复",
    title_zh="华西医院临床研究平台",
    text_zh="四川大学华西医院是中国西部最大的医疗中心之一，年门急诊量超过五百万人次，具备GCP资质和完整的临床试验"
    "团队。欢迎意大利医院、医疗器械企业在华西开展多中心临床研究，也欢迎意大利医生来院进修。",
    title_en="Clinical research platform at West China Hospital",
    text_en="West China Hospital is one of the largest medical centres in western China (over 5 million outpatient "
    "visits a year) with GCP certification and an experienced clinical-trial team. Italian hospitals and device "
    "companies are welcome to run multicentre studies with us; Italian doctors are welcome for training stays.")
add("cn-scu", "request", "heritage;heritage.restoration", "joint_research;training_exchange",
    "考古;田野发掘;文物保护;研究生",
    title_zh="考古学与文物保护：希望与意大利高校联合培养研究生",
    text_zh="四川大学考古学系参与了三星堆等遗址的发掘。我们希望与意大利大学的考古和修复专业建立研究生联合培养，"
    "学生可以互相参加对方的田野发掘季。")
add("it-unipd", "offer", "health;agrifood", "joint_research;training_exchange",
    "medicina;orto botanico;biodiversità;dottorato",
    title_en="Padua: medicine, plant science and a 1545 botanical garden",
    text_en="Short version: strong medical school, one of the oldest botanical gardens in the world (UNESCO), "
    "good plant genomics. We have room for 4–6 Chinese PhD students a year on joint supervision and are keen "
    "on medicinal-plant projects with TCM universities.")
add("it-unive", "offer", "education;heritage.digital", "language_teaching;training_exchange",
    "lingua cinese;studi sull'Asia;doppio titolo;Venezia",
    title_it="Studi sulla Cina a Ca' Foscari: lingua, storia, economia",
    text_it="Il Dipartimento di Studi sull'Asia e sull'Africa Mediterranea ha circa mille studenti di cinese. "
    "Abbiamo doppi titoli con tre atenei cinesi e vorremmo aggiungerne uno nell'area di Chengdu o Chongqing. "
    "Offriamo inoltre tirocini per studenti cinesi di italianistica presso musei e fondazioni veneziane.",
    title_zh="威尼斯大学：中国学、语言与双学位",
    text_zh="我校亚洲与北非研究系有约一千名学习中文的学生，已与三所中国大学开设双学位项目，"
    "希望在成都或重庆地区再增加一所合作高校。也可为学习意大利语的中国学生安排在威尼斯博物馆和基金会实习。")
add("cn-sisu", "request", "education", "language_teaching;training_exchange",
    "意大利语外教;交换生;西部;重庆",
    title_zh="诚聘意大利语外教，寻求交换合作院校",
    text_zh="四川外国语大学意大利语专业每年招收约四十名本科生，目前只有一名意大利外教。"
    "我们希望与意大利大学签署交换协议，每年互派五到十名学生，并希望对方推荐外教人选。")
add("it-confucio-unimi", "offer", "education", "language_teaching",
    "cinese commerciale;HSK;aziende lombarde;corsi serali",
    title_it="Cinese per chi lavora: corsi serali e aziendali",
    text_it="Corsi serali e in azienda di cinese commerciale (livelli HSK 1–4), con moduli su negoziazione e "
    "galateo d'affari. Lo scorso anno 230 iscritti da 41 imprese. Cerchiamo un'università cinese che ci mandi "
    "due docenti per il prossimo biennio.")
add("cn-cau", "offer", "agrifood.precision", "joint_research;technology_transfer",
    "精准农业;遥感;小麦;玉米;华北平原",
    title_en="Precision agriculture test sites on the North China Plain",
    text_en="CAU runs long-term precision-agriculture sites on the North China Plain (wheat–maize rotation) with "
    "UAV and satellite monitoring, variable-rate fertilisation and soil sensors. Italian teams can bring "
    "equipment or algorithms for a season of field trials; we provide land, staff and data.")
add("it-crea", "cooperation", "agrifood;agrifood.safety", "joint_research",
    "olivo;vite;germoplasma;resistenza alla siccità",
    title_it="Germoplasma di vite e olivo: progetto congiunto sulla siccità",
    text_it="CREA conserva una delle più grandi collezioni di varietà di olivo e vite in Europa. Proponiamo uno "
    "studio comparato di resistenza alla siccità con un istituto cinese che lavori su vite in aree aride "
    "(Ningxia, Xinjiang, Gansu). Scambio di materiale vegetale secondo le regole fitosanitarie di entrambi i paesi.")
add("cn-sicau", "request", "agrifood", "joint_research;training_exchange",
    "茶学;猕猴桃;种质资源;联合培养",
    title_zh="寻求意大利猕猴桃和葡萄研究团队",
    text_zh="四川是中国猕猴桃主产区之一，意大利则是欧洲最大的猕猴桃生产国。我们希望与意大利大学或研究机构"
    "在品种改良、溃疡病防控和采后保鲜方面开展合作，并联合培养研究生。")
add("cn-kiwi-sichuan", "offer", "agrifood", "commercial",
    "红心猕猴桃;蒲江;冷链;出口",
    title_en="Red-fleshed kiwifruit from Pujiang",
    text_en="1,200 hectares under contract in Pujiang county, GlobalG.A.P. certified, harvest Sept–Oct. We ship by "
    "China–Europe rail in reefer containers. Looking for Italian importers — and honestly also for Italian "
    "growers, to learn how you store kiwi for 6 months without losing taste.")
add("it-agritech-pad", "offer", "agrifood.precision;ai.vision", "commercial;technology_transfer",
    "frutteti;irrigazione;kiwi;sensori",
    title_it="Sensori e modelli di irrigazione per kiwi e mele",
    text_it="Il nostro sistema misura il diametro del frutto e l'umidità del suolo ogni 15 minuti e suggerisce "
    "quando irrigare. 1.800 ettari in Veneto e Trentino. In Cina vorremmo partire con un distretto del kiwi "
    "(Sichuan o Shaanxi) e un partner locale che faccia installazione e assistenza.")
add("cn-biotown", "offer", "health.biotech;health.devices", "investment;commercial",
    "生物医药;中试;CDMO;注册申报",
    title_zh="天府国际生物城：从中试到注册的一站式平台",
    text_zh="生物城已聚集六百多家生物医药企业，建有抗体、细胞治疗和医疗器械中试平台，可提供注册申报辅导和临床资源对接。"
    "对意大利企业首个在华项目提供场地和资金支持。",
    title_en="Tianfu International Bio-Town: from pilot production to registration",
    text_en="Over 600 life-science companies; pilot platforms for antibodies, cell therapy and medical devices; help "
    "with NMPA registration and introductions to clinical sites. Space and funding support for an Italian "
    "company's first project in China.")
add("it-biofarma-lazio", "offer", "health.biotech", "commercial;investment",
    "CDMO;iniettabili;GMP;EMA",
    title_en="EU GMP fill-finish capacity for biologics",
    text_en="Two EU-GMP lines for vials and pre-filled syringes, inspected by AIFA and FDA. Free capacity from Q3 2027. "
    "Chinese biotech companies entering Europe often need an EU release site — we can be that site, and help "
    "with the EMA dossier.")
add("cn-qingyun-bio", "request", "health.biotech", "commercial;investment",
    "mRNA;LNP;欧洲GMP;临床试验",
    title_en="Seeking an EU GMP partner for an mRNA vaccine candidate",
    text_en="Our LNP-mRNA candidate finished phase I in China. For a European phase II we need a GMP fill-finish site in "
    "the EU and a CRO that knows EMA. Italy is our first choice because of the cost and the talent. Meeting in "
    "Chengdu preferred.")
add("it-cyberguard", "offer", "ict.cyber", "commercial",
    "OT security;IEC 62443;penetration test;SCADA",
    title_it="Sicurezza OT secondo IEC 62443",
    text_it="Facciamo assessment IEC 62443 su impianti di produzione, acqua ed energia: inventario dei dispositivi, "
    "segmentazione delle reti, test di intrusione non distruttivi. Ci interessano produttori cinesi di PLC e "
    "inverter che devono dimostrare la conformità al Cyber Resilience Act per vendere in Europa.")
add("cn-anxin-cyber", "request", "ict.cyber", "commercial;technology_transfer",
    "网络弹性法案;CE;欧盟合规;工控安全",
    title_zh="了解欧盟《网络弹性法案》合规要求",
    text_zh="我们的工控安全检测平台已在国内两百多家工厂使用。欧盟《网络弹性法案》将在2027年全面实施，"
    "我们的客户（PLC和逆变器厂商）非常关心。希望找到意大利的合规咨询或检测认证伙伴。")
add("it-restauro-arte", "offer", "heritage.restoration", "commercial;training_exchange",
    "affreschi;consolidamento;calce;cantiere",
    title_it="Restauro di affreschi: dal rilievo del degrado al cantiere",
    text_it="Siamo dodici restauratori diplomati (ICR e OPD). Negli ultimi anni abbiamo lavorato soprattutto su "
    "cicli di affreschi in chiese dell'Umbria e delle Marche danneggiate dal terremoto. Lavoriamo con malte a base di calce e "
    "consolidanti compatibili. Saremmo felici di lavorare in Cina con un partner locale su pitture murali di templi.")
add("cn-palace", "cooperation", "heritage.restoration;heritage.digital", "joint_research;training_exchange",
    "文物医院;预防性保护;数字故宫;展览交流",
    title_zh="文物医院与意大利修复机构的长期合作",
    text_zh="故宫博物院文物医院设有书画、木器、金属、陶瓷等修复室。我们希望与意大利修复机构在预防性保护、"
    "博物馆环境监测和修复人员培训方面建立长期合作，并以此为基础策划双向展览。",
    title_en="Conservation Hospital: a long-term partnership with Italian restoration bodies",
    text_en="The Palace Museum's Conservation Hospital has studios for paintings, wood, metal and ceramics. We would "
    "like a long-term partnership with Italian restoration bodies on preventive conservation, museum "
    "environment monitoring and training, leading to exhibitions in both directions.")
add("it-museotech", "offer", "heritage.digital;design", "commercial",
    "allestimenti;proiezioni immersive;Pompei;musei",
    title_it="Allestimenti immersivi per musei archeologici",
    text_it="Abbiamo curato le sale immersive di tre musei archeologici in Campania: ricostruzioni 3D, proiezioni "
    "su superfici reali e percorsi accessibili. Cerchiamo musei provinciali cinesi che rinnovano gli allestimenti.")
add("cn-meta-museum", "request", "heritage.digital;design", "commercial",
    "数字藏品;AR导览;博物馆授权;IP",
    title_en="Licensing Italian museum collections for AR guides",
    text_en="We make AR guides and digital collectibles for Chinese museums (12 clients). We want to license images "
    "and 3D models from Italian museums — Renaissance painting and Roman archaeology sell extremely well here. "
    "Revenue share model, all licences respected.")
add("it-polito", "request", "smartcity.mobility;energy.renewables", "joint_research;technology_transfer",
    "batterie;veicoli elettrici;celle;test",
    title_it="Celle per batterie: cerchiamo partner industriali cinesi",
    text_it="Il nostro laboratorio batterie testa celle e moduli per l'automotive. Ci mancano i volumi: "
    "vorremmo un accordo con un produttore cinese di celle per studi di invecchiamento e sicurezza su lotti "
    "reali, con dottorandi che passino sei mesi in azienda.",
    title_en="Battery cells: looking for Chinese industrial partners",
    text_en="Our battery lab tests cells and modules for automotive use. What we lack is volume: we'd like an agreement "
    "with a Chinese cell maker for ageing and safety studies on production batches, with PhD students spending "
    "six months at the company.")
add("cn-chuanqi-auto", "request", "smartcity.mobility;design", "commercial;technology_transfer",
    "车身设计;欧洲认证;轻型商用车",
    title_zh="寻找意大利车身设计公司",
    text_zh="公司计划2028年向欧洲出口一款纯电动轻型商用车，需要意大利车身设计和欧洲型式认证方面的合作伙伴。")
add("it-edil-green", "offer", "smartcity.buildings;energy.renewables", "commercial;technology_transfer",
    "X-Lam;legno;antisismico;edifici multipiano",
    title_en="Cross-laminated timber buildings up to 9 storeys",
    text_en="We design and build CLT residential buildings, the tallest is 9 storeys in Trentino. Our system passed "
    "shaking-table tests at 1.2 g. Looking for a Chinese developer or a prefab company to license the system — "
    "bamboo-timber hybrids would be interesting to explore.")
add("cn-bamboo-tech", "cooperation", "materials;smartcity.buildings", "joint_research;commercial",
    "重组竹;结构材料;认证;欧洲标准",
    title_zh="重组竹结构材料进入欧洲",
    text_zh="我们的重组竹梁柱强度接近胶合木，成本更低、碳足迹更小。希望与意大利木结构企业和大学合作测试，"
    "争取欧洲技术评估（ETA）。")
add("it-mur", "offer", "education;ai;energy", "joint_research;training_exchange",
    "bandi bilaterali;mobilità;progetti di grande rilevanza",
    title_it="Bandi bilaterali Italia-Cina 2027",
    text_it="Il Ministero presenterà il calendario dei bandi bilaterali 2027 (progetti congiunti e mobilità di "
    "ricercatori) e risponderà alle domande di università ed enti su requisiti e cofinanziamento. "
    "Incontri brevi, 20 minuti, in italiano o inglese.")
add("cn-most", "offer", "education;energy;ai", "joint_research",
    "政府间合作;联合实验室;重点研发计划",
    title_zh="中意政府间科技合作项目说明",
    text_zh="科技部国际合作司将介绍中意政府间科技合作项目和“一带一路”联合实验室的申报要求，欢迎双方机构预约咨询。")
add("it-reg-er", "request", "agrifood;manufacturing.industry40;ai", "investment;technology_transfer",
    "Data Valley;Motor Valley;Food Valley;attrazione investimenti",
    title_it="Emilia-Romagna: Data Valley, Motor Valley, Food Valley",
    text_it="La Regione cerca investitori e centri di ricerca cinesi interessati a stabilirsi vicino al Tecnopolo di "
    "Bologna (supercalcolo) o nelle filiere dei motori e dell'alimentare. Offriamo accompagnamento, legge "
    "regionale per l'attrazione degli investimenti e contatti con la Rete Alta Tecnologia.",
    title_en="Emilia-Romagna: Data Valley, Motor Valley, Food Valley",
    text_en="The Region is looking for Chinese investors and research centres interested in settling near the Bologna "
    "Tecnopolo (supercomputing) or in the engine and food value chains. We offer hands-on support, a regional "
    "investment-attraction law and contacts with the High Technology Network.")
add("cn-sc-dost", "request", "agrifood;health.tcm;aerospace", "technology_transfer;investment",
    "四川;国际科技合作基地;技术转移",
    title_zh="四川省欢迎意大利科技合作",
    text_zh="四川省希望在农业、中医药、航空航天和电子信息四个方向引进意大利技术，支持省内高校和企业与意方共建国际科技合作基地。"
    "对签约项目可给予立项支持。")
add("it-conschongqing", "offer", "education;agrifood;smartcity", "other",
    "Sud-Ovest della Cina;Chongqing;Sichuan;missioni",
    title_en="The Italian Consulate General in Chongqing: your first contact in the South-West",
    text_en="We cover Sichuan, Chongqing, Guizhou and Yunnan (about 200 million people). We can brief Italian "
    "delegations on the local authorities, help prepare missions and introduce you to the provincial science "
    "and technology departments.")
add("it-aici", "cooperation", "manufacturing;agrifood;design", "commercial;other",
    "PMI;missioni imprenditoriali;fiere;Cina occidentale",
    title_it="Missioni di PMI italiane nella Cina occidentale",
    text_it="Ogni anno portiamo in Cina due missioni di 15–20 imprese associate. Per il 2027 vorremmo una missione a "
    "Chengdu e Chongqing su meccanica e agroalimentare e cerchiamo un'associazione cinese che organizzi gli "
    "incontri B2B sul posto.")
add("cn-cd-im-assoc", "cooperation", "manufacturing.industry40;manufacturing.robotics", "commercial;other",
    "对接会;智能制造;会员企业;代表团",
    title_zh="智能制造对接会：欢迎意大利企业代表团",
    text_zh="促进会每季度组织一次产业对接会。我们愿意为意大利企业代表团组织成都和德阳的工厂参观和一对一洽谈，"
    "重点是机床、机器人和工业软件。")
add("it-algae-lab", "request", "marine;health.biotech", "investment;commercial",
    "microalghe;astaxantina;fotobioreattori;investitori",
    title_en="Raising a Series A for microalgae production",
    text_en="We grow Haematococcus in closed photobioreactors near Naples and extract natural astaxanthin. "
    "Pilot plant running, first B2B contracts signed. Raising €4M; a Chinese strategic investor in "
    "nutraceuticals would also open the Asian market. Deck available on request.")
add("cn-zhiyu-ai", "offer", "ai.language;education", "commercial",
    "中意翻译机;语音识别;旅游;离线",
    title_zh="中意双语离线翻译机",
    text_zh="我们的翻译机支持中文和意大利语离线互译，已在意大利的中国旅游团中试用。希望找意大利的旅游和酒店客户，"
    "也想采购高质量的意大利语语音数据。",
    title_en="Offline Chinese-Italian translation device",
    text_en="Our device translates Chinese and Italian offline and has been tested with Chinese tour groups in Italy. "
    "We are looking for Italian tourism and hotel customers, and want to buy high-quality Italian speech data.")
add("it-lingua-ai", "offer", "ai.language;education", "commercial;technology_transfer",
    "pronuncia;italiano per stranieri;riconoscimento vocale",
    title_it="Correzione automatica della pronuncia italiana",
    text_it="Un'app che ascolta lo studente e segnala gli errori di pronuncia tipici dei sinofoni (doppie, r, vocali "
    "aperte/chiuse). Addestrata su 300 ore di parlato annotato. Cerchiamo editori cinesi e università con "
    "corsi di italiano.")
add("cn-xinmai-health", "request", "health.devices;ai", "joint_research;commercial",
    "心电贴;房颤;CE认证;临床验证",
    title_en="Clinical validation of an ECG patch in Italy",
    text_en="Our 14-day ECG patch and AF algorithm are NMPA class II. For CE marking under MDR we need clinical data "
    "from a European hospital. Looking for an Italian cardiology department to run a 300-patient comparison "
    "with Holter.")
add("it-cardiotwin", "cooperation", "health.devices;ai", "joint_research",
    "gemello digitale;cardiologia;TAC;pianificazione",
    title_it="Gemelli digitali del cuore: studio con un ospedale cinese",
    text_it="Dalla TAC costruiamo in due ore un modello personalizzato del cuore per pianificare le procedure "
    "strutturali. Cerchiamo un centro cardiologico cinese ad alto volume per uno studio retrospettivo su 200 casi.")
add("cn-xinghe-aero", "request", "aerospace;materials", "commercial",
    "转包;钛合金;NADCAP;欧洲客户",
    title_zh="寻求意大利航空制造企业的转包订单",
    text_zh="公司拥有AS9100和NADCAP认证，主要加工钛合金和铝合金结构件。希望成为意大利航空企业的二级供应商。")
add("it-aerotecnica-sud", "request", "aerospace;materials", "commercial;investment",
    "compositi;eVTOL;subfornitura;Cina",
    title_en="Composite parts for eVTOL programmes",
    text_en="We make composite fuselage panels and nacelle parts for regional aircraft. Several Chinese eVTOL makers "
    "are preparing for EASA certification: we'd like to supply them with certified composite parts from Italy.")
add("cn-ouc", "cooperation", "marine;agrifood", "joint_research;training_exchange",
    "海水养殖;地中海;联合航次;研究生",
    title_en="Aquaculture and Mediterranean–Yellow Sea comparison",
    text_en="Ocean University of China would like to compare aquaculture systems in the Yellow Sea and the "
    "Mediterranean with an Italian partner: shellfish farming, offshore cages, disease. We can offer berths on "
    "our research vessel and joint PhD supervision.")
add("it-ogs", "offer", "marine", "joint_research",
    "Laura Bassi;Antartide;Mare di Ross;campagne",
    title_it="Posti a bordo della Laura Bassi",
    text_it="La rompighiaccio Laura Bassi opera ogni estate australe nel Mare di Ross. Abbiamo posti a bordo per "
    "ricercatori di partner internazionali, a fronte di progetti congiunti su oceanografia e geofisica marina.")
add("cn-pric", "cooperation", "marine", "joint_research",
    "北极;南极;雪龙;联合考察",
    title_zh="极地联合考察",
    text_zh="中国极地研究中心欢迎意大利科学家参加“雪龙”号的南北极航次，希望与意大利在南极罗斯海地区开展联合观测。")
add("it-olio-puglia", "request", "agrifood", "commercial",
    "olio EVO;Cina;frantoi;fiere",
    title_it="Frantoi pugliesi cercano importatori",
    text_it="Rappresentiamo quaranta frantoi. Molti sono piccoli e da soli non arrivano in Cina: cerchiamo un "
    "importatore disposto a lavorare con un catalogo comune e a organizzare degustazioni per chef e buyer.")
add("cn-yunxiang-coffee", "request", "agrifood", "commercial;training_exchange",
    "咖啡烘焙;意式咖啡;培训;设备",
    title_zh="云南咖啡寻找意大利烘焙和咖啡师培训合作",
    text_zh="我们在普洱有两千亩咖啡园，正在做精品烘焙。想采购意大利的烘焙机和咖啡机，同时请意大利的咖啡师来昆明做培训。")
add("it-caffe-napoli", "offer", "agrifood", "commercial;training_exchange",
    "espresso;torrefazione;formazione baristi",
    title_it="Espresso napoletano: miscele, capsule e formazione",
    text_it="Torrefazione a legna dal 1962. Oltre alle miscele e alle capsule compostabili, offriamo corsi per baristi "
    "e consulenza per aprire caffetterie. Ci piacerebbe provare un caffè dello Yunnan nelle nostre miscele.")
add("cn-tfsp", "offer", "ict;ai;design", "investment;commercial",
    "软件园;游戏;数字创意;孵化",
    title_en="Tianfu Software Park: a base in Chengdu for software and game studios",
    text_en="800+ companies, including many game and animation studios. We offer Italian software and creative "
    "studios a furnished office for a year, help with hiring and introductions to local publishers.")
add("it-fashion-ai", "request", "design;ai", "commercial;investment",
    "moda;trend;e-commerce;dati",
    title_it="Cerchiamo una piattaforma di moda cinese per un pilota",
    text_it="Il nostro modello prevede le tendenze analizzando milioni di immagini di sfilate e social. Funziona bene "
    "in Europa; vorremmo testarlo sul mercato cinese con una piattaforma che ci dia accesso ai dati di vendita.")
add("cn-silk-road-textile", "request", "design;materials", "commercial",
    "真丝;意大利品牌;代工;面料展",
    title_en="Silk for Italian fashion houses",
    text_en="We weave and print pure silk in Hangzhou (2 million metres a year). We'd like to meet Italian brands and "
    "converters in Como — we know Como is the reference for silk printing and want to learn, not only to sell.")
add("it-moda-tessile", "cooperation", "design", "commercial;technology_transfer",
    "seta;Como;stampa digitale;filiera",
    title_it="Seta greggia cinese, stampa comasca",
    text_it="La nostra seta greggia arriva da Zhejiang e Sichuan. Vorremmo un accordo di filiera con una filanda "
    "cinese: qualità costante del filato e tracciabilità, in cambio di ordini pluriennali e formazione sulla "
    "stampa digitale.")

# ---- third batch

add("cn-xjtu", "offer", "energy;manufacturing", "joint_research;training_exchange",
    "多相流;燃气轮机;增材制造;西部科技创新港",
    title_zh="西部科技创新港开放实验平台",
    text_zh="西安交通大学在西部科技创新港建有动力工程多相流、机械制造系统工程等国家重点实验室，"
    "大型实验设备对外开放共享。欢迎意大利高校和企业的研究人员来访，可提供短期公寓。",
    title_en="Open lab platforms at the Western China Science and Technology Innovation Harbour",
    text_en="Xi'an Jiaotong University's state key labs on multiphase flow in power engineering and on manufacturing "
    "systems engineering are at the Innovation Harbour, and their large instruments are open to outside users. "
    "Italian researchers and companies are welcome; short-term apartments available.")
add("cn-zju", "cooperation", "agrifood;ai", "joint_research;training_exchange",
    "智慧农业;数字乡村;联合实验室",
    title_en="Zhejiang University – Italy joint lab on digital agriculture",
    text_en="ZJU's College of Agriculture and Biotechnology and College of Computer Science want to set up a joint lab "
    "on digital agriculture with Italian universities: crop phenotyping with computer vision, tea and rice "
    "systems in Zhejiang, vine and olive in Italy. Funding available for 3 years, starting 2027.")
add("cn-hust", "offer", "ict.microelectronics;manufacturing.industry40", "joint_research;technology_transfer",
    "光电子;激光加工;光谷;数字制造",
    title_zh="武汉光电国家研究中心：激光与光电子器件",
    text_zh="武汉光电国家研究中心在激光加工、光纤通信器件和光电探测方面有完整的研发平台，与光谷企业联系紧密，"
    "成果转化快。欢迎意大利光子学研究团队合作，共同申请中意联合项目。")
add("cn-buaa", "request", "aerospace;manufacturing.robotics", "joint_research;training_exchange",
    "无人机;适航;复合材料;博士联合培养",
    title_en="UAV airworthiness and composites: looking for Italian partners",
    text_en="Beihang's UAV institute is working on airworthiness standards for medium-size drones. Italy has strong "
    "experience with EASA and composites; we'd like a joint project plus a co-supervised PhD scheme (we pay the "
    "Chinese students' stay in Italy).")
add("it-uniroma1", "offer", "aerospace", "joint_research;training_exchange",
    "ingegneria aerospaziale;piccoli satelliti;San Marco;dottorato",
    title_it="Piccoli satelliti e ingegneria aerospaziale alla Sapienza",
    text_it="La Scuola di Ingegneria Aerospaziale ha progettato e lanciato diversi piccoli satelliti universitari. "
    "Proponiamo un programma di dottorato congiunto con un ateneo cinese: progettazione di CubeSat, prove di "
    "qualifica e operazioni in orbita.")
add("cn-xingchen-space", "cooperation", "aerospace", "commercial;joint_research",
    "立方星;载荷;搭载;发射",
    title_zh="立方星平台开放意大利载荷搭载",
    text_zh="我们2027年计划发射三颗12U立方星，每颗留有约3U的载荷空间。欢迎意大利大学和企业的科学载荷搭载，"
    "可协助完成环境试验和出口许可。")
add("it-asi", "offer", "aerospace;agrifood.precision", "joint_research",
    "COSMO-SkyMed;SAR;osservazione della Terra;dati",
    title_en="COSMO-SkyMed SAR data for joint scientific projects",
    text_en="ASI can make COSMO-SkyMed radar data available for joint scientific projects with Chinese partners "
    "(agriculture, subsidence, disaster management), under the existing Italy–China space cooperation "
    "framework. Proposals should pair an Italian and a Chinese research group.")
add("cn-cas-air", "cooperation", "heritage.digital;aerospace", "joint_research",
    "遥感考古;丝绸之路;卫星;文化遗产",
    title_zh="丝绸之路遗址的遥感考古合作",
    text_zh="空天院在遥感考古方面有长期积累，已完成丝绸之路沿线数百处遗址的遥感调查。希望与意大利在罗马帝国"
    "边境遗址和丝路遗址之间开展比较研究，共享雷达和光学数据。")
add("it-cnr-ispc", "cooperation", "heritage.restoration;heritage.digital", "joint_research;training_exchange",
    "diagnostica;siti archeologici;Via della Seta;rilievo 3D",
    title_it="Diagnostica e rilievo 3D lungo la Via della Seta",
    text_it="ISPC lavora da anni su siti archeologici in Asia centrale. Proponiamo una campagna congiunta su un sito "
    "cinese lungo la Via della Seta: rilievo laser scanner e fotogrammetrico, diagnostica dei materiali, "
    "piano di conservazione. Due settimane sul campo, poi analisi nei laboratori di entrambi.")
add("cn-cach", "request", "heritage.restoration;education", "training_exchange",
    "石质文物;培训;意大利修复学校",
    title_en="Training in stone conservation",
    text_en="The Chinese Academy of Cultural Heritage is planning a three-month course on stone conservation for "
    "provincial conservators and would like Italian teachers for the practical part. We cover travel and "
    "accommodation.")
add("it-areasp", "offer", "materials;health.biotech;ict", "investment;technology_transfer",
    "parco scientifico;genomica;incubatore;Trieste",
    title_it="Insediarsi ad AREA Science Park",
    text_it="Laboratori e uffici chiavi in mano, piattaforme di genomica e microscopia elettronica condivise, "
    "servizi di trasferimento tecnologico. Vicino al sincrotrone Elettra e al porto di Trieste, con accesso "
    "diretto ai mercati dell'Europa centrale.",
    title_zh="入驻意大利AREA科技园",
    text_zh="提供拎包入驻的实验室和办公室、共享的基因组学和电镜平台、技术转移服务。园区靠近Elettra同步辐射光源和的里雅斯特港，可辐射中欧市场。")
add("cn-zhangjiang", "request", "health.biotech;ict.microelectronics", "investment;technology_transfer",
    "创新药;集成电路;国际合作;研发中心",
    title_zh="张江科学城诚邀意大利生物医药企业设立研发中心",
    text_zh="张江已聚集四百多家生物医药企业和众多跨国药企研发中心。我们希望吸引意大利的中小型生物技术企业和罕见病药物研发团队，"
    "提供实验室空间、临床资源对接和政策支持。")
add("it-kmrosso", "offer", "manufacturing;health.devices;materials", "investment;commercial",
    "innovation district;laboratori;imprese;Bergamo",
    title_en="Kilometro Rosso: a landing point in Lombardy",
    text_en="More than 70 companies and research centres share the campus: mechatronics, medtech, materials. For a "
    "Chinese company opening an R&D office in Europe, we offer space, shared labs and introductions to "
    "the tenants, who are often the best first customers.")
add("cn-bda", "request", "manufacturing.robotics;health.biotech", "investment;technology_transfer",
    "亦庄;机器人;自动驾驶;外资",
    title_en="Beijing E-Town invites Italian robotics and medtech companies",
    text_en="Beijing Economic-Technological Development Area hosts a humanoid robot innovation centre and a high-level "
    "autonomous driving demonstration zone. We want Italian robotics and medical device companies to set up "
    "R&D or production; rent subsidies and fast-track registration available.")
add("cn-futuresci", "offer", "ai;ict;health.devices", "investment",
    "海外人才;创业园;杭州;数字经济",
    title_zh="未来科技城海外高层次人才创业园",
    text_zh="为海外人才创业项目提供最高两年免租、创业资助和投融资对接。已有来自二十多个国家的创业团队入驻，欢迎意大利团队。")
add("it-tls", "request", "health.biotech", "investment;commercial",
    "life sciences;start-up;investitori;Siena",
    title_it="Investitori per le start-up del nostro incubatore",
    text_it="Nel nostro incubatore ci sono 25 start-up di scienze della vita, sei già in fase clinica. Cerchiamo fondi "
    "e aziende farmaceutiche cinesi interessati a co-investire o a licenze per il mercato asiatico.")
add("cn-tuspark", "cooperation", "ai;energy;manufacturing", "investment;training_exchange",
    "孵化;加速营;中意创业",
    title_en="China–Italy start-up acceleration programme",
    text_en="TusPark proposes a two-way acceleration programme: ten Italian start-ups spend a month in Beijing, ten "
    "Chinese start-ups a month in Italy, with mentors and investor days on both sides. Looking for an Italian "
    "incubator or science park as co-organiser.")
add("it-citta-scienza", "request", "education;ai", "other;investment",
    "start-up cinesi;soft landing;Napoli",
    title_en="Chinese start-ups wanted for a soft-landing programme in Naples",
    text_en="Our incubator has space for five Chinese start-ups in 2027: six months of desk, legal support for company "
    "set-up in Italy and introductions to regional calls. Preference for AI, heritage tech and blue economy.")
add("cn-ittn", "cooperation", "education;manufacturing;agrifood", "technology_transfer;other",
    "技术转移;中意技术转移中心;对接",
    title_zh="中意技术转移中心：联合开展项目路演和对接",
    text_zh="国际技术转移协作网络与意方伙伴多年来共同组织中意创新合作周。我们希望扩大合作：每季度组织一次线上路演，"
    "每年在中国西部和意大利南部各办一次线下对接会。",
    title_en="China-Italy technology transfer: joint roadshows and matchmaking",
    text_en="ITTN and its Italian partners have co-organised the China-Italy innovation week for years. We'd like to "
    "expand: one online pitch session per quarter and one matchmaking event a year each in western China and "
    "southern Italy.")
add("cn-cstec", "offer", "education;manufacturing", "other",
    "合作周;中方组织;项目征集",
    title_en="China-Italy innovation week: the Chinese organisers' desk",
    text_en="Meet the CSTEC team for anything about the week itself: project submissions for next year's edition, "
    "delegation visas and the follow-up programme for signed agreements.")
add("it-ambpechino", "offer", "education;ai;health", "other",
    "addetti scientifici;rete;Cina;accordi",
    title_it="Ufficio scientifico dell'Ambasciata: orientamento per enti italiani",
    text_it="Gli addetti scientifici possono aiutare università ed enti di ricerca a orientarsi tra i programmi cinesi "
    "di cooperazione, segnalare i bandi aperti e mettere in contatto con le controparti ministeriali.")
add("cn-bmstc", "request", "ai;health;manufacturing", "technology_transfer;investment",
    "北京;技术转移;国际合作;科技创新",
    title_zh="北京市科委：寻求意大利创新项目在京落地",
    text_zh="我们重点支持人工智能、医药健康和智能制造领域的国际合作项目。意大利高校和企业在京设立联合研发机构，"
    "可申请市级国际科技合作基地认定和配套资金。")
add("it-reg-campania", "cooperation", "aerospace;agrifood;heritage", "investment;technology_transfer",
    "Campania;Sichuan;gemellaggio;filiere",
    title_it="Campania–Sichuan: un programma su tre filiere",
    text_it="Proponiamo al Sichuan un programma triennale su aerospazio, agroalimentare e beni culturali: missioni "
    "reciproche, un bando congiunto per progetti di ricerca industriale e uno sportello a Chengdu per le PMI campane.")
add("it-dac", "request", "aerospace", "commercial;investment",
    "eVTOL;aerostrutture;Cina;partnership",
    title_en="Campania aerospace district looks for Chinese eVTOL and regional-aircraft partners",
    text_en="The district groups more than 150 companies and labs. Our members build aerostructures, engine parts and "
    "small satellites. We'd like to meet Chinese eVTOL and regional-aircraft programmes that plan to certify "
    "in Europe and need European suppliers.")
add("it-habitech", "offer", "smartcity.buildings;energy.renewables", "technology_transfer;training_exchange",
    "certificazione;edifici in legno;LEED;formazione",
    title_it="Certificazione di edifici sostenibili e formazione di tecnici",
    text_it="Il distretto ha contribuito a portare in Italia gli standard LEED e ARCA per gli edifici in legno. "
    "Possiamo formare tecnici e certificatori cinesi e adattare i protocolli alle zone climatiche cinesi.")
add("it-biomed-mir", "request", "health.devices", "commercial;investment",
    "dialisi;dispositivi monouso;componenti;Cina",
    title_it="Fornitori cinesi di componenti per dispositivi monouso",
    text_it="Le imprese del distretto producono linee per dialisi, sacche e circuiti. Cerchiamo fornitori cinesi "
    "certificati ISO 13485 di componenti in PVC senza DEHP e di connettori, e siamo aperti a investimenti "
    "reciproci.")
add("cn-rongmei-med", "offer", "health.devices", "commercial",
    "监护仪;呼吸机;OEM;欧洲",
    title_en="Patient monitors and home ventilators (OEM/ODM)",
    text_en="NMPA registered, CE under MDD (MDR renewal in progress). We can do OEM for European brands. Would like to "
    "meet Italian distributors of home-care devices and hospitals willing to do a post-market study.")
add("it-diagnostica-ligure", "offer", "health.devices;ai.vision", "commercial;joint_research",
    "ecografo portatile;IA;sanità rurale;telemedicina",
    title_it="Ecografo portatile con refertazione assistita",
    text_it="Pesa 600 grammi, si collega al tablet e suggerisce le misure principali (fegato, reni, tiroide). "
    "Pensato per la medicina di base e le aree rurali. Vorremmo una sperimentazione in ospedali di contea cinesi.")
add("cn-kangjian-rehab", "request", "health;health.devices", "commercial;training_exchange",
    "康复机器人;运动医学;培训;连锁医院",
    title_zh="引进意大利康复机器人和康复治疗师培训",
    text_zh="我们在浙江有九家康复医院。计划采购上肢和步态康复机器人，并希望意大利康复医学机构为我们的治疗师提供系统培训。")
add("it-neuro-rehab", "offer", "health.devices;manufacturing.robotics", "commercial;joint_research",
    "riabilitazione;mano;ictus;robot",
    title_en="Hand rehabilitation robot after stroke",
    text_en="Spin-off of a Pisa research institute. CE-marked, 40 units in Italian clinics, a randomised trial "
    "published in 2025. We look for a Chinese rehabilitation hospital group to run a validation study and, "
    "later, for a manufacturing partner.")
add("cn-huadian-solar", "request", "energy.renewables", "commercial;investment",
    "异质结;农光互补;意大利市场;EPC",
    title_zh="寻求意大利农光互补项目合作",
    text_zh="我们的异质结电池效率超过25%。希望与意大利农光互补项目的开发商和EPC合作，我方可提供组件和部分融资。")
add("it-h2-mobility", "offer", "energy.renewables;smartcity.mobility", "commercial;technology_transfer",
    "idrogeno;elettrolizzatore;autobus;deposito",
    title_it="Elettrolizzatori compatti per depositi di autobus",
    text_it="Un container da 20 piedi, 500 kW, produce idrogeno per circa 15 autobus al giorno. Primo impianto in "
    "funzione a Torino. Cerchiamo un produttore cinese di stack per ridurre i costi e città cinesi che "
    "vogliano un pilota.")
add("cn-hydro-dragon", "cooperation", "energy.renewables;smartcity.mobility", "commercial;technology_transfer",
    "燃料电池;叉车;港口;示范",
    title_en="Hydrogen forklifts for ports: a pilot in an Italian port",
    text_en="Our fuel-cell forklifts work in three Chinese ports. We'd like a demonstration in an Italian port with a "
    "local partner for refuelling and service. Open to supplying stacks to Italian integrators too.")
add("it-telecom-sud", "offer", "ict.5g;smartcity.mobility", "commercial",
    "5G privato;porti;interporti;logistica",
    title_en="Private 5G for ports",
    text_en="We designed and run the private 5G network of a southern Italian container terminal: remote cranes, "
    "tracking, video analytics. Interested in Chinese port operators and equipment makers — and in learning "
    "how Chinese ports run automated terminals.")
add("cn-bupt", "cooperation", "ict.5g;ai", "joint_research;training_exchange",
    "6G;通感一体;联合实验室;博士",
    title_zh="6G通感一体化联合研究",
    text_zh="北京邮电大学建有6G试验网。希望与意大利高校在通感一体化和卫星互联网方面合作，联合培养博士生。")
add("it-fotonica-pisa", "request", "ict.microelectronics", "commercial;investment",
    "fotonica del silicio;packaging;produzione",
    title_it="Packaging ottico: cerchiamo un partner in Cina",
    text_it="Progettiamo transceiver in fotonica del silicio; il collo di bottiglia è il packaging. Cerchiamo un "
    "produttore cinese di moduli ottici per il packaging in volume e siamo aperti a una partecipazione nel capitale.")
add("cn-guangxin-chip", "offer", "ict.microelectronics;ict.5g", "commercial;joint_research",
    "硅光;光模块;封装;800G",
    title_zh="硅光芯片与光模块封装",
    text_zh="我们具备800G光模块的硅光芯片设计和封装能力，年产能五十万只。欢迎意大利光子学设计公司和研究机构合作，"
    "可提供流片和封装服务。")
add("it-micro-etna", "cooperation", "ict.microelectronics;energy.renewables", "commercial;joint_research",
    "SiC;moduli di potenza;inverter;substrati",
    title_en="SiC power modules: substrates and customers",
    text_en="We package SiC dies into power modules for solar inverters and EV chargers. We'd like a supply agreement "
    "for 8-inch SiC substrates and to meet Chinese inverter makers who need European-made modules for EU "
    "tenders.")
add("cn-jincheng-zz", "request", "manufacturing.industry40", "commercial;technology_transfer",
    "五轴机床;主轴;航空零件;德阳",
    title_zh="采购意大利五轴机床，寻求技术合作",
    text_zh="公司为德阳和成都的航空、能源装备企业加工复杂零件，计划明年新增八台五轴加工中心。"
    "希望直接与意大利机床厂家洽谈，最好能在四川设立服务点。")
add("it-brambilla-mecc", "offer", "manufacturing.industry40", "commercial",
    "centri di lavoro;5 assi;manutenzione predittiva;Lecco",
    title_it="Centri di lavoro a 5 assi per l'aerospazio",
    text_it="Macchine a 5 assi per titanio e superleghe, con sensori sul mandrino e manutenzione predittiva di serie. "
    "In Cina abbiamo già 30 macchine installate a Shanghai e Xi'an; ora cerchiamo un partner di assistenza nel "
    "Sichuan, dove stanno crescendo le commesse aerospaziali.",
    title_zh="用于航空航天的五轴加工中心",
    text_zh="我们的五轴机床适用于钛合金和高温合金加工，主轴带传感器，标配预测性维护。在中国上海和西安已安装三十台，"
    "现在希望在四川找到服务合作伙伴。")
add("cn-shuguang-robot", "request", "manufacturing.robotics;ai.vision", "technology_transfer;investment",
    "协作机器人;视觉引导;技术许可",
    title_en="Licensing Italian cobot and vision-guidance technology",
    text_en="We ship about 3,000 industrial robots a year to car plants. Customers now want cobots for final assembly. "
    "We would license Italian cobot or 3D vision technology, or invest in an Italian start-up working on it.")
add("it-robotec-torino", "offer", "manufacturing.robotics;ai.vision", "commercial;technology_transfer",
    "saldatura robotizzata;visione 3D;celle",
    title_en="Robotic welding cells with 3D seam tracking",
    text_en="Turnkey cells for welding chassis and battery trays, with our 3D vision for seam tracking (patented). "
    "Looking for integrators in Chongqing and Chengdu who can install and service the cells for Chinese EV "
    "plants.")
add("cn-tianyan-vision", "request", "ai.vision;manufacturing.industry40", "commercial",
    "缺陷检测;陶瓷;包装机械;集成商",
    title_zh="寻找意大利陶瓷和包装设备集成商",
    text_zh="我们的缺陷检测算法在瓷砖和软包装上准确率超过99%。意大利在陶瓷机械和包装机械方面全球领先，"
    "希望成为意大利设备厂商的视觉检测供应商。")
add("it-ceramica-sas", "request", "materials;ai.vision;manufacturing.industry40", "commercial;technology_transfer",
    "ceramica;controllo qualità;visione;forni",
    title_it="Controllo qualità automatico per piastrelle",
    text_it="Le aziende del distretto vogliono sostituire la scelta visiva a fine linea con sistemi automatici. "
    "Cerchiamo fornitori di visione artificiale con esperienza sulla ceramica, anche cinesi, per un test su due linee.")
add("it-vision-ind", "offer", "ai.vision;manufacturing.industry40", "commercial",
    "visione artificiale;packaging;controllo qualità",
    title_it="Controllo qualità con visione per macchine automatiche",
    text_it="Installati su oltre 900 macchine per il packaging (alimentare, farmaceutico, tabacco). "
    "Ci interessa collaborare con costruttori cinesi di macchine automatiche.")
add("cn-nongfeng-machine", "request", "agrifood.precision;manufacturing", "technology_transfer;commercial",
    "丘陵农机;液压;精量播种;技术合作",
    title_zh="丘陵山区农机：寻求意大利技术合作",
    text_zh="意大利丘陵多，小型农机技术成熟。我们希望引进意大利的液压件和精量播种技术，合作开发适合中国丘陵山区的小型拖拉机。")
add("it-mecc-agricola", "offer", "agrifood.precision;manufacturing", "commercial;technology_transfer",
    "seminatrici;precisione;ISOBUS;Brescia",
    title_en="Precision seeders with ISOBUS control",
    text_en="Pneumatic precision seeders, 4 to 24 rows, with section control and variable rate over ISOBUS. We have a "
    "dealer in Heilongjiang and want to add partners in other regions, or license a smaller model for hilly "
    "areas.")
add("it-oleodin-emiliana", "offer", "manufacturing;agrifood.precision", "commercial",
    "valvole proporzionali;oleodinamica;trattori",
    title_it="Oleodinamica per macchine agricole",
    text_it="Valvole proporzionali, distributori e centraline per trattori e mietitrebbie. Forniamo già due costruttori "
    "europei; cerchiamo costruttori cinesi di trattori medi che vogliano salire di gamma.")
add("cn-jiajia-furniture", "request", "design", "commercial;technology_transfer",
    "意大利设计;授权;五金;高端家具",
    title_en="Italian designers for a high-end furniture line",
    text_en="We make panel furniture for the Chinese mass market and want to launch a high-end line in 2027. Looking "
    "for Italian designers (licence or royalty) and Italian hardware suppliers — hinges, runners.")
add("it-stile-arredo", "offer", "design", "commercial",
    "arredo su misura;hotel;contract;Brianza",
    title_it="Arredi su misura per hotel di lusso",
    text_it="Realizziamo arredi su misura per hotel e residenze (contract). 60 progetti all'estero negli ultimi "
    "cinque anni. Ci interessano sviluppatori di hotel a Chengdu e Shanghai.")
add("cn-mofang-design", "cooperation", "design;education", "training_exchange;commercial",
    "国潮;设计工作坊;意大利设计学院",
    title_zh="国潮设计×意大利设计：联合工作坊",
    text_zh="我们为国潮品牌做产品和包装设计。希望与意大利设计学校合作举办为期两周的联合工作坊，中意学生一起为真实品牌做项目。")
add("it-design-club", "cooperation", "design", "commercial;training_exchange",
    "design;workshop;Milano;Design Week",
    title_it="Designer lombardi cercano produttori e studi cinesi",
    text_it="I nostri 150 soci progettano per aziende di arredo, illuminazione e oggetto. Proponiamo uno scambio: "
    "studi cinesi ospiti alla Design Week di Milano, designer italiani ospiti di una design week cinese.")
add("cn-shengshi-edu", "offer", "education", "training_exchange",
    "留学;艺术生;意大利;生源",
    title_en="Chinese students for Italian art and design schools",
    text_en="We prepare about 300 students a year for art, design and music programmes abroad; Italy is the first "
    "choice for many. Italian schools can meet our students in Beijing and Chengdu each spring.")
add("it-edu-italiano", "offer", "education", "language_teaching;commercial",
    "italiano intensivo;alloggio;Firenze;Turandot",
    title_it="Italiano intensivo a Firenze, alloggio compreso",
    text_it="Corsi da 4 a 40 settimane, classi di 8–12 studenti, alloggio in famiglia o residenza. Preparazione a "
    "CILS e CELI. Cerchiamo agenzie cinesi serie, con cui costruire un percorso annuale prima dell'università.")
add("cn-italy-alumni", "offer", "education;design", "training_exchange;other",
    "留意校友;招生;校友会",
    title_zh="留意校友网络",
    text_zh="联谊会有两千多名在意大利学习过的中国校友，分布在建筑、设计、音乐和工程领域。我们可以帮助意大利高校"
    "联系校友、组织招生宣讲。")
add("it-rgirc", "offer", "education", "training_exchange;other",
    "ricercatori italiani;Cina;rete;mentoring",
    title_en="Italian researchers already working in China",
    text_en="More than 400 Italian researchers in Chinese universities and institutes are in our network. For an "
    "Italian group starting a collaboration, we can find someone who already works in the same field and city.")
add("cn-tcm-intl", "request", "health.tcm;education", "training_exchange;language_teaching",
    "中医教育;意大利;针灸;课程",
    title_zh="在意大利大学开设中医课程",
    text_zh="希望与意大利大学医学院合作开设中医药选修课程或硕士项目，我方派遣教师并提供教材。")
add("it-farmaco-naturale", "cooperation", "health.tcm;health.biotech", "joint_research;commercial",
    "estratti vegetali;medicina tradizionale;standardizzazione",
    title_en="Standardised herbal extracts: a joint study with a TCM university",
    text_en="We produce standardised botanical extracts for food supplements under EU rules. We would like to study, "
    "with a TCM university, two or three plants used in both traditions (e.g. licorice, ginger), from quality "
    "markers to a registration dossier.")
add("it-termali-abano", "request", "health.tcm;health", "commercial;joint_research",
    "fangoterapia;riabilitazione;medicina integrata",
    title_it="Protocolli integrati fango-terapia e agopuntura",
    text_it="Cerchiamo un ospedale di medicina tradizionale cinese per studiare protocolli integrati per l'artrosi: "
    "fangoterapia ad Abano e agopuntura. Potremmo accogliere medici cinesi per periodi di formazione.")

# Meeting requests written by hand between organizations whose profiles answer each other:
# (from, to, preference, message in the requester's language).
PAIRS = [
 ("cn-tianfu-food", "it-pack-food", "must", "您好，我们是郫县豆瓣和火锅底料的生产企业，想了解贵公司的蒸煮袋包装线，能否在成都会场面谈？"),
 ("it-energia-verde", "cn-huaxia-battery", "must", "Buongiorno, abbiamo 180 MW di agrivoltaico in costruzione e cerchiamo accumulo con referenze in Europa. Possiamo vederci?"),
 ("cn-cau", "it-unipr", "must", "We are very interested in your work on Parmigiano Reggiano microbiota. Could we discuss a student exchange?"),
 ("cn-dunhuang", "it-icr", "must", "希望向贵院请教壁画盐害治理的经验，并商谈青年修复师培训事宜。"),
 ("cn-jincheng-zz", "it-brambilla-mecc", "must", "我们明年计划采购八台五轴加工中心，希望当面了解贵公司的设备和在四川的服务安排。"),
 ("it-robotec-torino", "cn-shuguang-robot", "want", "Hello, we build robotic welding cells with 3D seam tracking and are looking for an integrator in Chongqing. Could we meet?"),
 ("cn-qingyun-bio", "it-biofarma-lazio", "must", "We are looking for an EU GMP fill-finish site for our mRNA candidate. Your capacity from 2027 is exactly what we need."),
 ("it-cyberguard", "cn-anxin-cyber", "want", "Buongiorno, vedo che i vostri clienti devono prepararsi al Cyber Resilience Act: ne parliamo?"),
 ("cn-xinmai-health", "it-cardiotwin", "want", "我们的心电贴需要意大利心内科的临床数据来完成CE认证，希望贵方能介绍合作医院。"),
 ("it-satagri", "cn-xiangyun-uav", "must", "Hello! Our water-stress maps + your spraying drones could be a nice pilot in Basilicata. 20 minutes?"),
 ("cn-cas-ioe", "it-inaf", "must", "我所在自适应光学方面有三十多年积累，希望与贵院探讨欧洲极大望远镜的仪器合作。"),
 ("cn-liangjiang", "it-autocomp-piemonte", "must", "两江新区汽车产业集聚，欢迎贵公司考虑在重庆设立合资企业，我们可以介绍政策。"),
 ("cn-sisu", "it-unistrapg", "want", "我们希望与贵校签署学生交换协议，并请贵校推荐意大利语外教。"),
 ("it-agritech-pad", "cn-kiwi-sichuan", "want", "Ciao, lavoriamo con i kiwi in Veneto: i nostri sensori potrebbero aiutarvi in campo, e possiamo parlare di conservazione."),
 ("cn-cdhtz", "it-polimi", "must", "Dear colleagues, Chengdu Hi-tech Zone would like to present our China-Italy innovation park and the support for Italian R&D centres."),
 ("cn-tianyan-vision", "it-ceramica-sas", "want", "我们的瓷砖缺陷检测准确率超过99%，希望在贵区企业的生产线上做测试。"),
 ("cn-sanxingdui", "it-opd", "must", "希望向贵所请教大型青铜器的清洗和加固方法，并探讨人员培训。"),
 ("cn-meta-museum", "it-museotech", "want", "We make AR guides for Chinese museums and would like to partner on immersive exhibitions."),
 ("it-unibo", "cn-zju", "must", "Good morning, we run a wired experimental orchard in Cesena and read about your digital agriculture lab. Let's talk about a joint project."),
 ("cn-tsinghua", "it-iit", "must", "We would like to discuss joint experiments on embodied AI with iCub/ergoCub and a co-supervised PhD programme."),
 ("it-cnr-ilc", "cn-cas-ia", "want", "Buongiorno, possiamo contribuire con corpora e lessici dell'italiano alla vostra valutazione multilingue."),
 ("cn-biotown", "it-biofarma-lazio", "want", "天府国际生物城欢迎贵公司了解我们的中试平台和注册服务，希望在成都见面。"),
 ("it-tls", "cn-zhangjiang", "want", "Hello, 25 life-science start-ups in our incubator look for Asian partners. Could we present them to you?"),
 ("cn-chuanqi-auto", "it-autocomp-piemonte", "want", "希望了解贵公司的铝合金车架和欧洲认证经验。"),
 ("it-h2-mobility", "cn-hydro-dragon", "want", "Ciao, cerchiamo stack a costi più bassi per i nostri elettrolizzatori e ci interessano i vostri muletti a idrogeno per i porti."),
 ("cn-shengshi-edu", "it-edu-italiano", "must", "我们每年有约三百名学生申请意大利艺术设计专业，希望与贵校合作开设语言预科。"),
 ("it-unive", "cn-sisu", "want", "Buongiorno, cerchiamo un ateneo partner nell'area di Chongqing per un doppio titolo. Possiamo parlarne a Chengdu?"),
 ("cn-nongfeng-machine", "it-oleodin-emiliana", "want", "希望了解贵公司的比例阀和液压站，用于我们的丘陵山区拖拉机。"),
 ("it-mecc-agricola", "cn-nongfeng-machine", "want", "Hello, we make precision seeders and could license a smaller model for hilly areas. Would you like to meet?"),
 ("cn-jiajia-furniture", "it-design-club", "must", "We are launching a high-end furniture line and want to work with Italian designers. Can you introduce us to your members?"),
 ("it-moda-tessile", "cn-silk-road-textile", "must", "Buongiorno, ci interessa un accordo di filiera per la seta. Possiamo vederci a Pechino?"),
 ("cn-xinghe-aero", "it-aerotecnica-sud", "want", "我们有AS9100和NADCAP认证，希望成为贵公司的二级供应商。"),
 ("it-dac", "cn-buaa", "want", "Hello, the Campania aerospace district would like to discuss drone airworthiness and composites with Beihang."),
 ("cn-palace", "it-icr", "must", "希望与贵院在预防性保护和修复人员培训方面建立长期合作。"),
 ("it-restauro-arte", "cn-palace", "want", "Buongiorno, siamo restauratori di affreschi e ci piacerebbe conoscere il vostro Conservation Hospital."),
 ("cn-kangjian-rehab", "it-neuro-rehab", "must", "我们计划采购上肢康复机器人，希望了解贵公司的产品和临床数据。"),
 ("it-sssa", "cn-cqmu", "must", "Dear colleagues, we would like to discuss a joint rehabilitation robotics lab in Chongqing with your hospital."),
 ("cn-cdutcm", "it-farmaco-naturale", "want", "We are interested in your standardised extracts and in a joint study on herbs used in both traditions."),
 ("it-termali-abano", "cn-cdutcm", "want", "Buongiorno, cerchiamo un ospedale di medicina cinese per un protocollo integrato fango-terapia e agopuntura."),
 ("cn-guangxin-chip", "it-fotonica-pisa", "must", "我们可以提供硅光芯片流片和封装服务，希望与贵公司探讨合作。"),
 ("it-micro-etna", "cn-huadian-solar", "want", "Hello, we make SiC power modules for inverters and would like to meet inverter makers through you."),
 ("cn-eco-pack", "it-chimica-verde", "want", "希望了解贵公司的生物塑料配方，用于我们的竹纤维餐盒。"),
 ("it-edil-green", "cn-bamboo-tech", "want", "Ciao, ci piacerebbe provare un sistema ibrido legno-bambù. Ne parliamo?"),
]
