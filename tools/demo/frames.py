"""Openers, closers and keywords for composed profiles. Italian frames are written from the
Italian side, Chinese frames from the Chinese side; each has a parallel English text.
Placeholders: {name} organization name, {spec} its lab/facility/strength, {offer} product,
{seek} wanted partner, {theme} theme label (lower case), {city}, {n}, {year}, {m}."""

GROUP = {"university": "academic", "research": "academic", "company": "business",
         "startup": "business", "district": "territory", "science_park": "territory",
         "government": "territory", "association": "network", "other": "network"}

IT_OPEN = {
 ("academic", "offer"): [
  ("{name} mette a disposizione dei partner {spec}.", "{name} opens {spec} to partners."),
  ("Il nostro gruppo può contare su {spec}.", "Our group can rely on {spec}."),
  ("Tra le risorse che possiamo condividere ci sono {spec}.", "Among the resources we can share are {spec}."),
  ("Da noi trovate {spec}, oltre a ricercatori abituati a lavorare con l'industria.", "With us you will find {spec}, and researchers used to working with industry."),
 ],
 ("academic", "request"): [
  ("Per lo sviluppo delle attività su {theme} cerchiamo interlocutori in Cina.", "To develop our work on {theme} we are looking for counterparts in China."),
  ("Partendo da {spec}, vorremmo allargare la collaborazione alla Cina.", "Building on {spec}, we would like to extend our collaboration to China."),
  ("Negli ultimi anni abbiamo lavorato molto su {theme}, ma ci manca un partner cinese.", "We have worked a lot on {theme} in recent years, but we lack a Chinese partner."),
 ],
 ("academic", "cooperation"): [
  ("Proponiamo un progetto congiunto su {theme}, a partire da {spec}.", "We propose a joint project on {theme}, starting from {spec}."),
  ("Vorremmo costruire con un ateneo o un istituto cinese un laboratorio congiunto su {theme}.", "We would like to build a joint laboratory on {theme} with a Chinese university or institute."),
  ("L'idea è semplice: scambio di ricercatori e dottorandi su {theme}, con {spec} come base.", "The idea is simple: an exchange of researchers and PhD students on {theme}, with {spec} as the base."),
 ],
 ("business", "offer"): [
  ("{name} produce {offer}.", "{name} makes {offer}."),
  ("Siamo un'azienda di {city} e produciamo {offer}.", "We are a company from {city} making {offer}."),
  ("Il nostro prodotto di punta: {offer}.", "Our flagship product: {offer}."),
  ("Dal {year} progettiamo e produciamo {offer}.", "Since {year} we have designed and made {offer}."),
 ],
 ("business", "request"): [
  ("Cerchiamo {seek}.", "We are looking for {seek}."),
  ("Il nostro obiettivo in Cina: trovare {seek}.", "Our goal in China: to find {seek}."),
  ("Vorremmo incontrare {seek}.", "We would like to meet {seek}."),
 ],
 ("business", "cooperation"): [
  ("Proponiamo una collaborazione con {seek} su {offer}.", "We propose a collaboration with {seek} on {offer}."),
  ("Abbiamo in mente una partnership con {seek}: noi portiamo {offer}.", "We have in mind a partnership with {seek}: we bring {offer}."),
 ],
 ("territory", "offer"): [
  ("{name} offre alle imprese e ai ricercatori cinesi {spec}.", "{name} offers Chinese companies and researchers {spec}."),
  ("Sul nostro territorio ci sono {spec}.", "Our territory hosts {spec}."),
  ("Chi vuole investire in Italia trova da noi {spec}, e un ufficio che segue le pratiche passo per passo.", "Whoever wants to invest in Italy finds {spec} with us, and an office that handles the paperwork step by step."),
 ],
 ("territory", "request"): [
  ("Vogliamo attrarre imprese e centri di ricerca cinesi nel campo di {theme}.", "We want to attract Chinese companies and research centres in {theme}."),
  ("Cerchiamo province e città cinesi con cui firmare accordi su {theme}.", "We are looking for Chinese provinces and cities to sign agreements with on {theme}."),
 ],
 ("territory", "cooperation"): [
  ("Proponiamo un programma di scambio tra il nostro territorio e una zona di sviluppo cinese su {theme}.", "We propose an exchange programme between our territory and a Chinese development zone on {theme}."),
  ("Vorremmo un gemellaggio tecnologico su {theme}, con missioni reciproche di imprese.", "We would like a technology twinning on {theme}, with company missions in both directions."),
 ],
 ("network", "offer"): [
  ("Rappresentiamo {spec}.", "We represent {spec}."),
  ("{name} mette in rete {spec}.", "{name} connects {spec}."),
  ("Possiamo aprire le porte di {spec}.", "We can open the doors of {spec}."),
 ],
 ("network", "request"): [
  ("Cerchiamo controparti cinesi per i nostri associati attivi in {theme}.", "We are looking for Chinese counterparts for our members active in {theme}."),
  ("I nostri membri ci chiedono contatti affidabili in Cina nel settore {theme}.", "Our members ask us for reliable contacts in China in {theme}."),
 ],
 ("network", "cooperation"): [
  ("Proponiamo un accordo quadro con un'associazione o un ente cinese su {theme}.", "We propose a framework agreement with a Chinese association or body on {theme}."),
  ("Vogliamo organizzare insieme missioni, seminari e incontri B2B su {theme}.", "We want to organise missions, seminars and B2B meetings on {theme} together."),
 ],
}

CN_OPEN = {
 ("academic", "offer"): [
  ("{name}拥有{spec}。", "{name} has {spec}."),
  ("依托{spec}，我们可以为合作伙伴提供技术和平台支持。", "Building on {spec}, we can give partners technical and platform support."),
  ("我们的优势是{spec}。", "Our strength is {spec}."),
  ("本单位的{spec}对外开放，欢迎意大利同行合作。", "Our {spec} are open to outside users, and Italian colleagues are welcome."),
 ],
 ("academic", "request"): [
  ("围绕{theme}，我们希望寻找意大利合作伙伴。", "In {theme}, we hope to find Italian partners."),
  ("在{spec}的基础上，我们希望与意大利开展更深入的合作。", "On the basis of {spec}, we hope to deepen cooperation with Italy."),
  ("我们在{theme}方面已有一定积累，但缺少欧洲合作伙伴。", "We have built up some experience in {theme} but lack European partners."),
 ],
 ("academic", "cooperation"): [
  ("我们提议在{theme}领域共建中意联合实验室。", "We propose building a China-Italy joint laboratory in {theme}."),
  ("以{spec}为基础，开展研究人员和研究生互访。", "Based on {spec}, we propose exchanges of researchers and graduate students."),
  ("希望与意大利高校共同申请{theme}方面的政府间合作项目。", "We hope to apply jointly with Italian universities for intergovernmental projects in {theme}."),
 ],
 ("business", "offer"): [
  ("{name}主要产品为{offer}。", "{name}'s main products are {offer}."),
  ("公司成立于{year}年，专注于{offer}。", "Founded in {year}, the company focuses on {offer}."),
  ("我们提供{offer}。", "We provide {offer}."),
  ("我们是{city}的一家企业，核心业务是{offer}。", "We are a company in {city}; our core business is {offer}."),
 ],
 ("business", "request"): [
  ("寻求{seek}。", "Seeking {seek}."),
  ("我们希望找到{seek}。", "We hope to find {seek}."),
  ("为了进入欧洲市场，我们需要{seek}。", "To enter the European market we need {seek}."),
 ],
 ("business", "cooperation"): [
  ("合作意向：{seek}。我方可提供{offer}。", "Cooperation sought: {seek}. We can provide {offer}."),
  ("围绕{offer}，我们愿意与意方成立合资公司或开展技术合作，目前最需要的是{seek}。", "Around {offer}, we are open to a joint venture or technical cooperation with Italian partners; what we need most now is {seek}."),
 ],
 ("territory", "offer"): [
  ("{name}拥有{spec}，为外资企业提供落地服务。", "{name} has {spec} and offers landing services to foreign companies."),
  ("我们为来华的意大利企业和科研机构提供办公场地、资金支持和人才政策。", "We offer office space, funding and talent policies to Italian companies and research bodies coming to China."),
  ("区内有{spec}，应用场景丰富。", "The zone hosts {spec}, with plenty of application scenarios."),
 ],
 ("territory", "request"): [
  ("希望引进意大利在{theme}方面的先进技术和项目。", "We hope to bring in advanced Italian technology and projects in {theme}."),
  ("寻找意大利的地区政府、科技园区和产业集群建立友好合作关系。", "We are looking for Italian regional governments, science parks and clusters to establish friendly cooperation."),
 ],
 ("territory", "cooperation"): [
  ("提议建立中意{theme}创新合作中心，双向孵化项目。", "We propose a China-Italy innovation centre for {theme}, incubating projects in both directions."),
  ("希望与意大利相关机构签署合作备忘录，定期组织企业互访。", "We hope to sign an MoU with Italian bodies and organise regular company visits."),
 ],
 ("network", "offer"): [
  ("我们联系着{spec}。", "We connect {spec}."),
  ("{name}可以帮助意大利机构对接{spec}。", "{name} can connect Italian bodies with {spec}."),
 ],
 ("network", "request"): [
  ("为会员寻找意大利在{theme}方面的合作伙伴。", "We are looking for Italian partners in {theme} for our members."),
  ("希望与意大利行业协会建立长期联系。", "We hope to build long-term ties with Italian industry associations."),
 ],
 ("network", "cooperation"): [
  ("提议共同举办{theme}主题的对接会和培训。", "We propose jointly organising matchmaking events and training on {theme}."),
  ("希望与意大利伙伴签署框架协议，互派代表团。", "We hope to sign a framework agreement with Italian partners and exchange delegations."),
 ],
}

IT_CLOSE = [
 ("Saremo sia a Pechino sia a Chengdu: scriveteci per fissare un incontro.", "We will be in both Beijing and Chengdu: write to us to book a meeting."),
 ("Possiamo incontrarci in inglese; per il cinese chiederemo un interprete.", "We can meet in English; for Chinese we will ask for an interpreter."),
 ("Abbiamo già collaborato con partner cinesi in un progetto Horizon 2020 e vorremmo continuare.", "We already worked with Chinese partners in a Horizon 2020 project and would like to go on."),
 ("Siamo interessati soprattutto a collaborazioni di medio periodo, non a singoli contratti.", "We are mainly interested in medium-term collaborations, not one-off contracts."),
 ("Disponibili anche a visite in laboratorio dopo la Settimana.", "We are also available for lab visits after the Week."),
 ("Il primo passo potrebbe essere una lettera d'intenti e un piccolo progetto pilota.", "A first step could be a letter of intent and a small pilot project."),
 ("Materiale di presentazione disponibile in italiano, inglese e cinese.", "Presentation material available in Italian, English and Chinese."),
]

CN_CLOSE = [
 ("欢迎在北京或成都会场面谈。", "Happy to meet at the Beijing or Chengdu venue."),
 ("我们可以用英语交流，也可安排翻译。", "We can talk in English and can also arrange an interpreter."),
 ("有意者请通过平台预约洽谈。", "Those interested, please book a meeting through the platform."),
 ("希望先从小规模试点项目开始。", "We would like to start with a small pilot project."),
 ("此前已与欧洲多家机构有过合作。", "We have already worked with several European institutions."),
 ("可提供中文、英文介绍材料。", "Introductory material available in Chinese and English."),
 ("会后欢迎到我们单位实地考察。", "After the event you are welcome to visit us."),
]

IT_FACTS = {
 "academic": [("Il gruppo conta {n} ricercatori e ha {m} brevetti attivi.", "The group has {n} researchers and {m} active patents."),
              ("Ogni anno formiamo circa {n} dottorandi in questo settore.", "Every year we train about {n} PhD students in this field.")],
 "business": [("Abbiamo {n} dipendenti e il {m}% del fatturato viene dall'export.", "We have {n} employees and {m}% of turnover comes from exports."),
              ("Siamo in {n} e abbiamo chiuso un round da {m} milioni di euro.", "We are {n} people and have closed a round of {m} million euros.")],
 "territory": [("Ospitiamo {n} imprese e {m} laboratori di ricerca.", "We host {n} companies and {m} research labs.")],
 "network": [("Contiamo {n} soci, {m} dei quali già attivi in Asia.", "We have {n} members, {m} of whom are already active in Asia.")],
}
CN_FACTS = {
 "academic": [("团队现有科研人员{n}人，授权发明专利{m}项。", "The team has {n} researchers and {m} granted invention patents."),
              ("每年培养相关方向研究生约{n}名。", "We train about {n} graduate students a year in this area.")],
 "business": [("公司现有员工{n}人，其中研发人员占{m}%。", "The company has {n} employees, {m}% of them in R&D."),
              ("团队{n}人，已完成{m}千万元A轮融资。", "A team of {n}; we have closed a Series A of {m}0 million yuan.")],
 "territory": [("区内聚集企业{n}家，研发机构{m}个。", "The zone hosts {n} companies and {m} R&D institutions.")],
 "network": [("现有会员单位{n}家，其中{m}家有对欧合作经验。", "We have {n} member organisations, {m} with experience of cooperation with Europe.")],
}

# Theme keywords: code -> (it, en, zh)
KEYWORDS = {
 "manufacturing": (["manifattura", "macchine utensili", "automazione"], ["manufacturing", "machine tools", "automation"], ["智能制造", "数控机床", "自动化"]),
 "manufacturing.robotics": (["robotica", "cobot", "esoscheletri"], ["robotics", "cobots", "exoskeletons"], ["机器人", "协作机器人", "外骨骼"]),
 "manufacturing.industry40": (["industria 4.0", "gemello digitale", "MES", "manutenzione predittiva"], ["Industry 4.0", "digital twin", "MES", "predictive maintenance"], ["工业4.0", "数字孪生", "工业互联网", "预测性维护"]),
 "ai": (["intelligenza artificiale", "apprendimento automatico", "IA spiegabile"], ["artificial intelligence", "machine learning", "explainable AI"], ["人工智能", "机器学习", "大模型"]),
 "ai.vision": (["visione artificiale", "controllo qualità", "immagini"], ["computer vision", "quality inspection", "imaging"], ["计算机视觉", "缺陷检测", "图像识别"]),
 "ai.language": (["traduzione automatica", "riconoscimento vocale", "linguistica computazionale"], ["machine translation", "speech recognition", "NLP"], ["机器翻译", "语音识别", "自然语言处理"]),
 "health": (["sanità", "ricerca clinica", "riabilitazione"], ["healthcare", "clinical research", "rehabilitation"], ["医疗健康", "临床研究", "康复"]),
 "health.biotech": (["biotecnologie", "farmaci", "GMP"], ["biotech", "drug development", "GMP"], ["生物医药", "新药研发", "GMP"]),
 "health.devices": (["dispositivi medici", "marcatura CE", "diagnostica"], ["medical devices", "CE marking", "diagnostics"], ["医疗器械", "NMPA注册", "诊断"]),
 "health.tcm": (["medicina tradizionale cinese", "fitoterapia", "erbe medicinali"], ["traditional Chinese medicine", "herbal medicine", "botanicals"], ["中医药", "中药材", "针灸"]),
 "marine": (["oceanografia", "acquacoltura", "ricerca polare"], ["oceanography", "aquaculture", "polar research"], ["海洋科学", "海水养殖", "极地考察"]),
 "heritage": (["beni culturali", "musei", "archeologia"], ["cultural heritage", "museums", "archaeology"], ["文化遗产", "博物馆", "考古"]),
 "heritage.restoration": (["restauro", "affreschi", "diagnostica non invasiva"], ["conservation", "wall paintings", "non-destructive testing"], ["文物修复", "壁画保护", "无损检测"]),
 "heritage.digital": (["digitalizzazione 3D", "musei virtuali", "realtà aumentata"], ["3D digitisation", "virtual museums", "augmented reality"], ["数字化", "虚拟展示", "数字藏品"]),
 "agrifood": (["agroalimentare", "DOP", "export alimentare"], ["agrifood", "PDO", "food export"], ["农产品", "地理标志", "食品出口"]),
 "agrifood.safety": (["sicurezza alimentare", "tracciabilità", "residui"], ["food safety", "traceability", "residue testing"], ["食品安全", "溯源", "农残检测"]),
 "agrifood.precision": (["agricoltura di precisione", "irrigazione", "droni agricoli"], ["precision farming", "irrigation", "agricultural drones"], ["精准农业", "智能灌溉", "植保无人机"]),
 "energy": (["energia", "ambiente", "transizione energetica"], ["energy", "environment", "energy transition"], ["能源", "环境", "双碳"]),
 "energy.renewables": (["fotovoltaico", "idrogeno", "accumulo"], ["photovoltaics", "hydrogen", "energy storage"], ["光伏", "氢能", "储能"]),
 "energy.environment": (["acque reflue", "monitoraggio ambientale", "clima"], ["wastewater", "environmental monitoring", "climate"], ["污水处理", "环境监测", "气候变化"]),
 "smartcity": (["città intelligenti", "pianificazione urbana"], ["smart city", "urban planning"], ["智慧城市", "城市规划"]),
 "smartcity.mobility": (["mobilità elettrica", "trasporto pubblico", "guida autonoma"], ["electric mobility", "public transport", "autonomous driving"], ["新能源汽车", "轨道交通", "自动驾驶"]),
 "smartcity.buildings": (["edilizia sostenibile", "antisismica", "legno strutturale"], ["green building", "seismic design", "timber construction"], ["绿色建筑", "抗震", "装配式建筑"]),
 "aerospace": (["aerospazio", "satelliti", "droni", "compositi"], ["aerospace", "satellites", "drones", "composites"], ["航空航天", "卫星", "无人机", "复合材料"]),
 "materials": (["nuovi materiali", "caratterizzazione", "bioplastiche"], ["advanced materials", "characterisation", "bioplastics"], ["新材料", "材料表征", "可降解材料"]),
 "materials.nano": (["nanomateriali", "grafene", "nanoparticelle"], ["nanomaterials", "graphene", "nanoparticles"], ["纳米材料", "石墨烯", "纳米颗粒"]),
 "ict": (["ICT", "software", "calcolo ad alte prestazioni"], ["ICT", "software", "HPC"], ["信息技术", "软件", "高性能计算"]),
 "ict.cyber": (["sicurezza informatica", "OT", "protezione dei dati"], ["cybersecurity", "OT security", "data protection"], ["网络安全", "工控安全", "数据保护"]),
 "ict.5g": (["5G", "reti private", "IoT"], ["5G", "private networks", "IoT"], ["5G", "专网", "物联网"]),
 "ict.microelectronics": (["microelettronica", "fotonica", "semiconduttori"], ["microelectronics", "photonics", "semiconductors"], ["集成电路", "光电子", "半导体"]),
 "education": (["doppio titolo", "lingua italiana", "scambio studenti", "borse di studio"], ["double degree", "Italian language", "student exchange", "scholarships"], ["联合培养", "意大利语", "学生交流", "奖学金"]),
 "design": (["design", "made in Italy", "licenze"], ["design", "made in Italy", "licensing"], ["工业设计", "品牌", "联名"]),
}

# Sentences a company or start-up adds, independent of its product line.
IT_BUSINESS_OFFER = [
 ("Possiamo inviare campioni e schede tecniche prima dell'incontro.", "We can send samples and datasheets before the meeting."),
 ("Produciamo tutto in Italia e siamo certificati ISO 9001.", "Everything is made in Italy and we are ISO 9001 certified."),
 ("Esportiamo già in diciotto paesi, ma in Cina siamo quasi assenti.", "We already export to eighteen countries, but we are almost absent from China."),
 ("Il prodotto è coperto da due brevetti europei, estesi anche alla Cina.", "The product is covered by two European patents, also extended to China."),
 ("Abbiamo un ufficio di rappresentanza a Shanghai con due persone.", "We have a representative office in Shanghai with two people."),
 ("Offriamo formazione tecnica e assistenza da remoto in inglese.", "We offer technical training and remote support in English."),
 ("I prezzi dipendono dai volumi: ne parliamo volentieri di persona.", "Prices depend on volumes; we are happy to discuss them in person."),
 ("Partecipiamo ogni anno al CIIE di Shanghai.", "We exhibit every year at the CIIE in Shanghai."),
]
IT_BUSINESS_NEED = [
 ("Prima di tutto vorremmo capire il mercato: prezzi, concorrenti, canali.", "First of all we want to understand the market: prices, competitors, channels."),
 ("Preferiamo un partner con cui crescere per anni, non un ordine una tantum.", "We prefer a partner to grow with for years, not a one-off order."),
 ("Valutiamo anche un assemblaggio locale se i volumi lo giustificano.", "We would also consider local assembly if volumes justify it."),
 ("Siamo una piccola squadra: ci serve qualcuno che conosca bene le regole di importazione.", "We are a small team: we need someone who knows import rules well."),
 ("Per noi è importante la tutela del marchio e dei brevetti.", "Protecting our brand and patents matters to us."),
]
CN_BUSINESS_OFFER = [
 ("可提供样品和技术资料。", "Samples and technical documents available."),
 ("公司已通过ISO 9001和ISO 14001认证。", "The company is ISO 9001 and ISO 14001 certified."),
 ("产品已出口到东南亚和中东，欧洲市场刚刚起步。", "We export to Southeast Asia and the Middle East; in Europe we are just starting."),
 ("拥有自主知识产权，已申请国际专利。", "We own our IP and have filed international patent applications."),
 ("价格和交货期可以根据订单量商谈。", "Prices and lead times can be negotiated according to volume."),
 ("我们在米兰有一位合作代理。", "We have an agent we work with in Milan."),
]
CN_BUSINESS_NEED = [
 ("我们希望先了解意大利市场的准入要求。", "We first want to understand the market-entry requirements in Italy."),
 ("愿意以合资或技术许可的方式合作。", "We are open to a joint venture or a licence."),
 ("希望建立长期稳定的合作关系。", "We hope to build a long-term, stable relationship."),
 ("对方最好有在中国合作的经验。", "Ideally the partner has experience working in China."),
 ("可以考虑在意大利设立办事处。", "We could consider opening an office in Italy."),
]
IT_TERRITORY = [
 ("Accompagniamo l'investitore dalla ricerca del sito ai permessi.", "We support investors from site selection to permits."),
 ("Sono disponibili incentivi regionali per ricerca industriale e assunzioni.", "Regional incentives for industrial research and hiring are available."),
 ("Possiamo organizzare visite ad aziende e laboratori del territorio.", "We can organise visits to local companies and labs."),
 ("Abbiamo un desk in lingua inglese e materiali in cinese.", "We have an English-speaking desk and material in Chinese."),
]
CN_TERRITORY = [
 ("提供一站式企业注册和人才服务。", "We provide one-stop company registration and talent services."),
 ("对国际合作项目有专项资金支持。", "Dedicated funding supports international cooperation projects."),
 ("可安排参观区内企业和研发机构。", "We can arrange visits to companies and R&D institutions in the zone."),
 ("有专门的外资服务团队，可用英语沟通。", "A dedicated foreign-investment team can communicate in English."),
]

IT_CLOSE += [
 ("Veniamo in due: una persona tecnica e una che segue i progetti internazionali.", "Two of us are coming: one technical person and one who handles international projects."),
 ("Se non riusciamo a vederci a Pechino, proviamo a Chengdu.", "If we cannot meet in Beijing, let's try in Chengdu."),
 ("Gradiremmo ricevere prima dell'incontro una breve presentazione del vostro gruppo.", "We would appreciate a short presentation of your group before the meeting."),
 ("Niente di impegnativo: ci basta un primo scambio di idee.", "Nothing binding: a first exchange of ideas is enough for us."),
 ("Chi ha già lavorato con l'Italia avrà la nostra precedenza.", "Those who have already worked with Italy will have priority."),
 ("Rispondiamo entro due giorni lavorativi.", "We reply within two working days."),
]
CN_CLOSE += [
 ("我们将派两位同事参会，一位负责技术，一位负责国际合作。", "Two colleagues will attend: one technical, one for international cooperation."),
 ("如北京时间不便，也可在成都见面。", "If Beijing does not suit you, we can also meet in Chengdu."),
 ("希望会前先交换简要资料。", "We would like to exchange short introductions before the meeting."),
 ("已有意大利合作经验的单位优先。", "Organisations with experience of working with Italy are preferred."),
 ("期待与意方伙伴长期合作。", "We look forward to a long-term partnership with Italian partners."),
 ("会后可安排线上跟进。", "We can follow up online after the event."),
]
IT_BUSINESS_OFFER += [
 ("Il nostro reparto tecnico può adattare il prodotto alle norme GB.", "Our engineering team can adapt the product to GB standards."),
 ("Lavoriamo soprattutto per clienti tedeschi e francesi, con consegne in sei settimane.", "We mainly work for German and French customers, delivering in six weeks."),
 ("Abbiamo un magazzino ricambi a Verona e tempi di intervento di 48 ore in Europa.", "We keep spare parts in Verona and respond within 48 hours in Europe."),
 ("Azienda di famiglia, alla terza generazione.", "A family company, now in its third generation."),
 ("Abbiamo vinto un bando europeo EIC Accelerator lo scorso anno.", "Last year we won an EU EIC Accelerator grant."),
]
IT_BUSINESS_NEED += [
 ("Abbiamo già provato con un agente, senza risultati: questa volta cerchiamo un vero partner.", "We already tried with an agent, without results: this time we want a real partner."),
 ("Ci interessano soprattutto le province dell'Ovest, dove i concorrenti europei sono meno presenti.", "We are most interested in the western provinces, where European competitors are less present."),
 ("Possiamo offrire esclusiva territoriale per i primi tre anni.", "We can offer territorial exclusivity for the first three years."),
]
CN_BUSINESS_OFFER += [
 ("工厂位于产业园区，交通便利，欢迎实地考察。", "Our factory is in an industrial park with good transport links; site visits are welcome."),
 ("可根据客户需求提供定制开发。", "We can do custom development on request."),
 ("已为国内多家上市公司供货。", "We already supply several listed Chinese companies."),
 ("获评国家级专精特新“小巨人”企业。", "We are a national-level specialised and innovative 'little giant' company."),
]
CN_BUSINESS_NEED += [
 ("希望对方能提供样机测试。", "We hope the partner can provide a prototype for testing."),
 ("预算已经落实，希望年内启动合作。", "The budget is in place; we hope to start within the year."),
 ("优先考虑能在中国提供技术服务的伙伴。", "Partners able to provide technical service in China are preferred."),
]
