"""Name lists for the (fictional) people of the demo."""

IT_MALE = ("Marco Luca Giovanni Andrea Francesco Alessandro Matteo Lorenzo Stefano Paolo Roberto "
           "Giuseppe Antonio Davide Simone Federico Riccardo Enrico Massimo Claudio Fabio Gianluca "
           "Nicola Pietro Salvatore Vincenzo Domenico Carlo Emanuele Michele Filippo Tommaso Giorgio "
           "Alberto Sergio Mauro Daniele Gabriele Raffaele Leonardo").split()
IT_FEMALE = ("Giulia Francesca Chiara Sara Martina Valentina Elena Alessandra Silvia Laura Federica "
             "Paola Anna Maria Elisa Cristina Roberta Barbara Ilaria Serena Beatrice Claudia Marta "
             "Giovanna Lucia Daniela Simona Monica Irene Caterina Eleonora Arianna Veronica Angela "
             "Camilla Carlotta Rossella Stefania Noemi Teresa").split()
IT_FAMILY = [x.strip() for x in """Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti,
De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani, Rinaldi,
Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale, Lombardo, Serra, Coppola,
De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri, Fabbri, Bianco, Marini, Grasso,
Valentini, Messina, Sala, De Rosa, Gatti, Pellegrini, Palumbo, Sanna, Farina, Rizzi, Monti, Cattaneo,
Morelli, Amato, Silvestri, Mazza, Testa, Grassi, Pellegrino, Carbone, Giuliani, Benedetti, Barone,
Rossetti, Caputo, Montanari, Guerra, Palmieri, Bernardi, Martino, Fiore, Ferretti, Bellini, Basile, Riva,
Donati, Piras, Vitali, Battaglia, Sartori, Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino, D'Amico,
Orlando, Damiani, Negri, Zanetti, Bassi, Tedesco, Brambilla, Fumagalli, Pozzi, Cappelletti, Zanella,
Bortolotti, Piccolo, Cirillo, Lo Russo, Scognamiglio, Esposito, Mura, Deiana, Tosi, Zuliani, Furlan""".split(",")]

# (hanzi, pinyin)
CN_FAMILY = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
             ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
             ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
             ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"),
             ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"),
             ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
             ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"),
             ("袁", "Yuan"), ("潘", "Pan"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"),
             ("杜", "Du"), ("叶", "Ye"), ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"),
             ("吕", "Lü"), ("丁", "Ding"), ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"),
             ("卢", "Lu"), ("钟", "Zhong"), ("廖", "Liao"), ("雷", "Lei"), ("蒲", "Pu")]
CN_GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"),
            ("磊", "Lei"), ("洋", "Yang"), ("勇", "Yong"), ("军", "Jun"), ("杰", "Jie"),
            ("涛", "Tao"), ("超", "Chao"), ("明", "Ming"), ("刚", "Gang"), ("平", "Ping"),
            ("辉", "Hui"), ("鹏", "Peng"), ("华", "Hua"), ("飞", "Fei"), ("鑫", "Xin"),
            ("晓明", "Xiaoming"), ("志强", "Zhiqiang"), ("建国", "Jianguo"), ("建华", "Jianhua"),
            ("海燕", "Haiyan"), ("丽娟", "Lijuan"), ("秀英", "Xiuying"), ("晓燕", "Xiaoyan"),
            ("文博", "Wenbo"), ("子轩", "Zixuan"), ("浩然", "Haoran"), ("思远", "Siyuan"),
            ("雨桐", "Yutong"), ("欣怡", "Xinyi"), ("梓涵", "Zihan"), ("佳怡", "Jiayi"),
            ("俊杰", "Junjie"), ("宇航", "Yuhang"), ("晨曦", "Chenxi"), ("婉清", "Wanqing"),
            ("立新", "Lixin"), ("国栋", "Guodong"), ("红梅", "Hongmei"), ("春华", "Chunhua"),
            ("永强", "Yongqiang"), ("德明", "Deming"), ("振宇", "Zhenyu"), ("嘉欣", "Jiaxin"),
            ("天一", "Tianyi"), ("梦瑶", "Mengyao"), ("一鸣", "Yiming"), ("书涵", "Shuhan"),
            ("卫东", "Weidong"), ("亚楠", "Yanan"), ("思琪", "Siqi"), ("成林", "Chenglin"),
            ("蓉", "Rong"), ("川", "Chuan"), ("雪梅", "Xuemei"), ("家豪", "Jiahao"),
            ("凌云", "Lingyun"), ("若曦", "Ruoxi"), ("少华", "Shaohua"), ("慧敏", "Huimin")]

IT_ROLES = {
 "academic": [("Professore ordinario", "Professoressa ordinaria"), ("Professore associato", "Professoressa associata"),
              ("Ricercatore", "Ricercatrice"), ("Direttore di dipartimento", "Direttrice di dipartimento"),
              ("Responsabile relazioni internazionali", "Responsabile relazioni internazionali"),
              ("Dirigente di ricerca", "Dirigente di ricerca"), ("Assegnista di ricerca", "Assegnista di ricerca"),
              ("Technology transfer officer", "Technology transfer officer"), ("Full Professor", "Full Professor"),
              ("Delegato del Rettore per la Cina", "Delegata del Rettore per la Cina")],
 "business": [("Amministratore delegato", "Amministratrice delegata"), ("CEO", "CEO"),
              ("Direttore commerciale", "Direttrice commerciale"), ("Export manager", "Export manager"),
              ("Responsabile R&S", "Responsabile R&S"), ("Area manager Asia", "Area manager Asia"),
              ("Fondatore", "Fondatrice"), ("CTO", "CTO"), ("Business development manager", "Business development manager")],
 "territory": [("Funzionario", "Funzionaria"), ("Dirigente", "Dirigente"), ("Direttore generale", "Direttrice generale"),
               ("Responsabile internazionalizzazione", "Responsabile internazionalizzazione"),
               ("Addetto scientifico", "Addetta scientifica"), ("Project manager", "Project manager")],
 "network": [("Presidente", "Presidente"), ("Segretario generale", "Segretaria generale"),
             ("Project manager", "Project manager"), ("Coordinatore progetti Cina", "Coordinatrice progetti Cina"),
             ("Direttore", "Direttrice")],
}
CN_ROLES = {
 "academic": ["教授", "副教授", "研究员", "副研究员", "国际合作处处长", "学院副院长", "博士后", "实验室主任",
              "Professor", "Associate Professor", "Director, International Office", "科技成果转化中心主任"],
 "business": ["总经理", "董事长", "研发总监", "海外业务经理", "市场总监", "CEO", "Founder & CEO", "首席技术官",
              "International Business Manager", "欧洲区销售经理"],
 "territory": ["招商局局长", "管委会副主任", "国际合作处处长", "投资促进专员", "科长", "Deputy Director",
               "Investment Promotion Officer"],
 "network": ["秘书长", "会长", "副秘书长", "项目经理", "Secretary General", "国际部主任"],
}
