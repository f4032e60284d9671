# ruff: noqa: E501  (news paragraphs are single lines; gold text is generated from them)
"""French, German, Spanish, Arabic and Chinese article texts (fiction written for this project).

See texts_en.py for the format.
"""

ARTICLES = [
    dict(
        n=23,
        slug="saint-aubert-nuclear-outage",
        lang="fr",
        host="www.le-quotidien-du-centre.example",
        outlet="Le Quotidien du Centre",
        section="Économie",
        path="economie/energie/la-centrale-de-saint-aubert-arretee-pour-trois-mois",
        title="La centrale de Saint-Aubert arrêtée pour trois mois de maintenance",
        author="Claire Dumoulin",
        date="2026-03-02T07:45:00+01:00",
        summary="Le réacteur n° 2 de la centrale nucléaire de Saint-Aubert a été mis à l'arrêt pour une visite décennale.",
        key="L'exploitant a indiqué que le remplacement des quatre générateurs de vapeur coûterait environ 620 millions d'euros.",
        layout=["comments", "article", "nav", "byline", "share", "cookie", "author-bio"],
        body="""\
Le réacteur n° 2 de la centrale nucléaire de Saint-Aubert a été déconnecté du réseau dimanche soir pour une visite décennale qui doit durer environ trois mois, a annoncé l'exploitant.

Pendant cet arrêt, les équipes procéderont à une épreuve hydraulique de la cuve et à une inspection complète de l'enceinte de confinement. Quelque 2 500 intervenants extérieurs sont attendus sur le site, ce qui devrait mettre à rude épreuve les capacités d'hébergement des communes voisines.

L'exploitant a indiqué que le remplacement des quatre générateurs de vapeur coûterait environ 620 millions d'euros. Ces travaux, initialement prévus en 2024, avaient été reportés en raison de retards de fabrication.

« C'est le chantier le plus important depuis la mise en service de la centrale », a déclaré le directeur du site, Marc Lefèvre, lors d'une conférence de presse. Il a assuré que le calendrier serait tenu.

L'Autorité de sûreté nucléaire devra se prononcer à l'issue de la visite sur la poursuite de l'exploitation du réacteur au-delà de quarante ans.

Le réacteur n° 1, qui a passé sa visite décennale l'an dernier, continue de fonctionner normalement.""",
    ),
    dict(
        n=24,
        slug="a87-farmers-blockade",
        lang="fr",
        host="www.sud-matin.example",
        outlet="Sud Matin",
        section="Société",
        path="societe/les-agriculteurs-bloquent-l-a87-pres-de-montvales",
        title="Les agriculteurs bloquent l'A87 près de Montvalès",
        author="Julien Castagné",
        date="2026-01-22T12:15:00+01:00",
        summary="Plusieurs centaines d'agriculteurs ont installé un barrage sur l'autoroute pour protester contre la baisse de leurs revenus.",
        key="La préfecture a annoncé qu'une réunion avec les représentants des syndicats agricoles se tiendrait vendredi à 14 heures.",
        layout=["cookie", "newsletter", "article", "byline", "nav", "related", "pullquote"],
        body="""\
Plusieurs centaines d'agriculteurs, venus avec environ 150 tracteurs, bloquent depuis mercredi matin l'autoroute A87 dans les deux sens à hauteur de Montvalès, à l'appel de la fédération départementale des exploitants agricoles.

Les manifestants dénoncent la baisse du prix du lait payé aux producteurs, la hausse du coût des engrais et ce qu'ils appellent « l'empilement des normes ». Ils ont installé des bottes de paille et des pneus sur la chaussée et prévoient de passer la nuit sur place.

« Nous travaillons soixante-dix heures par semaine pour un revenu inférieur au SMIC. On ne peut plus continuer comme ça », explique Bernard Roques, éleveur laitier à Saint-Pons.

La préfecture a annoncé qu'une réunion avec les représentants des syndicats agricoles se tiendrait vendredi à 14 heures.

Des déviations ont été mises en place par la route départementale 118, où la circulation était très dense en fin de matinée. Les autorités conseillent aux automobilistes de différer leurs déplacements.""",
    ),
    dict(
        n=25,
        slug="boure-mining-gold-sale",
        lang="fr",
        host="www.afrique-economie.example",
        outlet="Afrique Économie",
        section="Mines",
        path="mines/boure-mining-cede-40-de-sa-mine-d-or-a-un-groupe-turc",
        title="Bouré Mining cède 40 % de sa mine d'or à un groupe turc",
        author="Aïssata Traoré",
        date="2026-02-27T16:00:00+00:00",
        summary="La société minière sahélienne a trouvé un partenaire pour financer l'extension de sa principale mine.",
        key=(
            "Le contrat prévoit que l'acheteur, Anatolia Precious Metals, versera 310 millions de dollars en numéraire "
            "et financera la construction d'une usine de traitement."
        ),
        layout=["two-column", "no-article", "captions", "nav", "byline", "ads"],
        captions={1: "Le site de Kourémalé, dans l'ouest du pays. Photo : Bouré Mining"},
        body="""\
La société Bouré Mining a annoncé jeudi la cession de 40 % de sa mine d'or de Kourémalé, la plus importante du groupe, à l'issue d'un processus de vente lancé il y a dix-huit mois.

Le contrat prévoit que l'acheteur, Anatolia Precious Metals, versera 310 millions de dollars en numéraire et financera la construction d'une usine de traitement. Celle-ci doit permettre de porter la production annuelle de 180 000 à 260 000 onces à partir de 2028.

L'État, qui détient 10 % du capital de la mine, conservera sa participation. Le ministère des Mines a indiqué que l'accord respectait le nouveau code minier, qui impose notamment un taux minimal d'emploi local de 80 %.

Pour Bouré Mining, l'opération permet de réduire une dette qui pesait sur son développement. Son directeur général, Ibrahima Sangaré, a salué « un partenaire de long terme qui partage notre vision ».

La transaction doit encore être approuvée par les autorités de la concurrence.""",
    ),
    dict(
        n=26,
        slug="brenner-technik-insolvency",
        lang="de",
        host="www.wirtschaftskurier.example",
        outlet="Wirtschaftskurier",
        section="Unternehmen",
        path="unternehmen/autozulieferer-brenner-technik-stellt-insolvenzantrag-a-77120",
        title="Autozulieferer Brenner Technik stellt Insolvenzantrag",
        author="Katrin Hollmann",
        date="2026-02-09T10:20:00+01:00",
        summary="Der schwäbische Zulieferer ist zahlungsunfähig. Der Betrieb soll vorerst weiterlaufen.",
        key=(
            "Betroffen sind nach Angaben der IG Metall rund 2.400 Beschäftigte an den Standorten Heilbronn, "
            "Zwickau und im tschechischen Pilsen."
        ),
        layout=["paywall", "nav", "article", "byline", "share", "related", "author-bio"],
        body="""\
Der Autozulieferer Brenner Technik hat beim Amtsgericht Heilbronn einen Antrag auf Eröffnung eines Insolvenzverfahrens in Eigenverwaltung gestellt. Das teilte das Unternehmen am Montag mit.

Betroffen sind nach Angaben der IG Metall rund 2.400 Beschäftigte an den Standorten Heilbronn, Zwickau und im tschechischen Pilsen. Löhne und Gehälter sind für die kommenden drei Monate über das Insolvenzgeld gesichert.

Brenner Technik stellt Getriebeteile und Gehäuse für Verbrennungsmotoren her. Das Unternehmen leidet seit Jahren unter dem Rückgang der Nachfrage und hatte zuletzt vergeblich versucht, in das Geschäft mit Bauteilen für Elektroautos einzusteigen.

„Wir haben alles versucht, um eine außergerichtliche Lösung zu finden“, sagte Geschäftsführer Thomas Wendel. Gespräche mit einem Investor seien in der vergangenen Woche gescheitert.

Der Betrieb soll während des Verfahrens uneingeschränkt weiterlaufen. Als Sachwalter wurde der Stuttgarter Rechtsanwalt Michael Pfeiffer bestellt.""",
    ),
    dict(
        n=27,
        slug="bundesrat-netzausbau",
        lang="de",
        host="www.energie-depesche.example",
        outlet="Energie-Depesche",
        section="Politik",
        path="politik/bundesrat-billigt-gesetz-zum-schnelleren-netzausbau.html",
        title="Bundesrat billigt Gesetz zum schnelleren Netzausbau",
        author="Felix Baumgart",
        date="2026-03-27T14:00:00+01:00",
        summary="Die Länderkammer hat den Weg für kürzere Genehmigungsverfahren beim Stromnetz frei gemacht.",
        key="Netzbetreiber müssen künftig innerhalb von sechs Monaten über Anträge auf Anschluss von Batteriespeichern entscheiden.",
        layout=["jsonld", "no-article", "ads", "two-column", "nav", "byline"],
        body="""\
Der Bundesrat hat am Freitag das Gesetz zur Beschleunigung des Stromnetzausbaus gebilligt. Es kann damit nach der Unterschrift des Bundespräsidenten im Mai in Kraft treten.

Kern des Gesetzes sind kürzere Genehmigungsverfahren für neue Leitungen und Umspannwerke. Klagen gegen Vorhaben, die im Bundesbedarfsplan stehen, sollen künftig direkt beim Bundesverwaltungsgericht verhandelt werden.

Netzbetreiber müssen künftig innerhalb von sechs Monaten über Anträge auf Anschluss von Batteriespeichern entscheiden. Bislang warten Projektentwickler teils mehrere Jahre auf eine Zusage.

Die Länder hatten im Vermittlungsausschuss durchgesetzt, dass Kommunen, auf deren Gebiet neue Leitungen verlaufen, eine jährliche Ausgleichszahlung erhalten.

Der Bundesverband der Energiewirtschaft begrüßte die Entscheidung. Umweltverbände kritisierten dagegen, dass Beteiligungsrechte der Öffentlichkeit eingeschränkt würden.""",
    ),
    dict(
        n=28,
        slug="lokfuehrer-streik-gueterverkehr",
        lang="de",
        host="www.rhein-zeitung-online.example",
        outlet="Rhein-Zeitung Online",
        section="Wirtschaft",
        path="wirtschaft/lokfuehrer-streiken-ab-mittwoch-im-gueterverkehr",
        title="Lokführer streiken ab Mittwoch im Güterverkehr",
        author="Sabine Korte",
        date="2026-10-05T18:45:00+02:00",
        summary="Die Lokführergewerkschaft hat zu einem zweitägigen Streik im Güterverkehr aufgerufen.",
        key=(
            "Die Gewerkschaft fordert eine Lohnerhöhung von 9,5 Prozent bei einer Laufzeit von zwölf Monaten "
            "sowie eine Absenkung der Wochenarbeitszeit auf 35 Stunden."
        ),
        layout=["comments", "article", "share", "nav", "byline", "newsletter", "comment-articles"],
        body="""\
Die Lokführergewerkschaft hat ihre Mitglieder im Güterverkehr zu einem 48-stündigen Streik ab Mittwoch, 18 Uhr, aufgerufen. Der Personenverkehr soll ab Donnerstag, 2 Uhr, folgen, wie die Gewerkschaft am Montag mitteilte.

Die Gewerkschaft fordert eine Lohnerhöhung von 9,5 Prozent bei einer Laufzeit von zwölf Monaten sowie eine Absenkung der Wochenarbeitszeit auf 35 Stunden. Die Bahn hatte zuletzt 5 Prozent in zwei Stufen bei einer Laufzeit von 30 Monaten angeboten.

„Das Angebot ist eine Provokation“, sagte der Gewerkschaftsvorsitzende Rainer Gebhardt. Die Bahn warf der Gewerkschaft vor, die Verhandlungen ohne Not abgebrochen zu haben.

Die Industrie warnte vor erheblichen Folgen für die Lieferketten. Vor allem Chemie- und Stahlunternehmen sind auf den Schienengüterverkehr angewiesen.

Fahrgäste sollen sich nach Angaben der Bahn vor Reiseantritt über die Verbindungen informieren. Ein Notfahrplan werde erstellt.""",
    ),
    dict(
        n=29,
        slug="minera-andina-lithium-contract",
        lang="es",
        host="www.diario-del-pacifico.example",
        outlet="Diario del Pacífico",
        section="Economía",
        path="economia/2026/03/18/minera-andina-firma-contrato-de-litio-con-socio-coreano",
        title="Minera Andina firma contrato de litio con socio coreano",
        author="Camila Reyes",
        date="2026-03-18T13:10:00-03:00",
        summary="La empresa minera cerró un acuerdo de suministro de largo plazo con un fabricante asiático de materiales para baterías.",
        key=(
            "El acuerdo, firmado en Santiago con la surcoreana Hanseong Battery Materials, garantiza el suministro "
            "de 45.000 toneladas anuales de carbonato de litio durante diez años."
        ),
        layout=["ads", "nav", "article", "byline", "share", "related", "div-paragraphs"],
        body="""\
Minera Andina anunció este miércoles un contrato de suministro de litio de largo plazo que, según la compañía, asegura la venta de casi la mitad de su producción futura.

El acuerdo, firmado en Santiago con la surcoreana Hanseong Battery Materials, garantiza el suministro de 45.000 toneladas anuales de carbonato de litio durante diez años. El precio se fijará cada trimestre con referencia a los índices internacionales, con un piso y un techo que no fueron revelados.

La empresa coreana también tomará una participación del 15 % en la planta de procesamiento que Minera Andina construye en el salar de Punta Negra, con una inversión estimada en 900 millones de dólares.

"Este contrato nos da la certeza que necesitábamos para financiar la expansión", dijo el gerente general, Rodrigo Valdés, en una conferencia con analistas.

Comunidades indígenas de la zona han pedido que se realice una nueva consulta sobre el uso del agua del salar. La compañía afirmó que cumple con todos los permisos ambientales vigentes.""",
    ),
    dict(
        n=30,
        slug="almendral-drought-irrigation",
        lang="es",
        host="www.heraldo-del-valle.example",
        outlet="Heraldo del Valle",
        section="Sociedad",
        path="sociedad/la-sequia-obliga-a-restringir-el-riego-en-la-cuenca-del-almendral",
        title="La sequía obliga a restringir el riego en la cuenca del Almendral",
        author="Javier Molina",
        date="2026-04-29T09:30:00+02:00",
        summary="La confederación hidrográfica aprobó recortes de agua para los regantes ante el bajo nivel de los embalses.",
        key="Los regantes solo podrán usar el 35 % de su dotación habitual hasta el 30 de septiembre.",
        layout=["captions", "nav", "related", "article", "byline", "cookie"],
        captions={
            0: "El embalse de La Peñuela, al 19 % de su capacidad, el pasado lunes. Foto: Heraldo del Valle",
            2: "Un agricultor revisa el sistema de goteo en una finca de olivos cerca de Villarreal del Campo.",
        },
        body="""\
La junta de gobierno de la confederación hidrográfica del Almendral aprobó este martes nuevas restricciones al riego agrícola ante el bajo nivel de los embalses, que se encuentran al 21 % de su capacidad.

Los regantes solo podrán usar el 35 % de su dotación habitual hasta el 30 de septiembre. El abastecimiento a la población está garantizado, según el organismo, aunque algunos municipios pequeños podrían necesitar camiones cisterna en verano.

Las organizaciones agrarias calculan que las pérdidas en la campaña de frutales y hortalizas podrían superar los 200 millones de euros. "Muchos no van a sembrar este año", lamentó Antonio Ruiz, presidente de una comunidad de regantes.

El Gobierno regional anunció una línea de ayudas de 30 millones de euros para las explotaciones más afectadas.""",
    ),
    dict(
        n=31,
        slug="banco-austral-results-buyback",
        lang="es",
        host="amp.finanzas-hoy.example",
        outlet="Finanzas Hoy",
        section="Banca",
        path="amp/banca/banco-austral-eleva-beneficio-22-recompra",
        title="El Banco Austral eleva su beneficio un 22 % y anuncia recompra de acciones",
        author="Lucía Ferrer",
        date="2026-04-28T08:05:00+02:00",
        summary="La entidad ganó 1.240 millones de euros en el primer trimestre, por encima de lo esperado por los analistas.",
        key="La entidad destinará 1.500 millones de euros a un programa de recompra de acciones que comenzará en mayo.",
        layout=["amp", "article", "share", "byline", "jsonld"],
        body="""\
El Banco Austral obtuvo un beneficio neto de 1.240 millones de euros en el primer trimestre, un 22 % más que un año antes, impulsado por el crecimiento del margen de intereses y la caída de las provisiones por insolvencias.

La entidad destinará 1.500 millones de euros a un programa de recompra de acciones que comenzará en mayo. Será la mayor recompra de su historia.

El margen de intereses creció un 9 %, hasta 2.870 millones, mientras que las comisiones aumentaron un 6 %. La tasa de morosidad bajó al 2,9 %, su nivel más bajo desde 2008.

"Los resultados demuestran la solidez de nuestro modelo de negocio", afirmó la consejera delegada, Elena Sastre. Las acciones subían un 4 % en la apertura de la Bolsa.""",
    ),
    dict(
        n=32,
        slug="phosphate-mine-agreement",
        lang="ar",
        host="www.al-iqtisadi.example",
        outlet="الاقتصادي",
        section="اقتصاد",
        path="economy/2026/03/phosphate-mine-agreement-south",
        title="توقيع اتفاقية لتطوير منجم فوسفات في الجنوب",
        author="سامر الحداد",
        date="2026-03-16T12:30:00+03:00",
        summary="وقّعت الحكومة اتفاقية مع تحالف شركات لتطوير منجم جديد للفوسفات في المنطقة الجنوبية.",
        key="وتبلغ قيمة الاستثمارات المتوقعة نحو 900 مليون دولار على مدى خمس سنوات.",
        layout=["nav", "article", "share", "byline", "related", "rtl"],
        body="""\
وقّعت وزارة الطاقة والثروة المعدنية، اليوم الاثنين، اتفاقية مع تحالف يضم شركة وطنية وشركة هندية لتطوير منجم جديد للفوسفات في منطقة وادي الحصى جنوبي البلاد.

وتبلغ قيمة الاستثمارات المتوقعة نحو 900 مليون دولار على مدى خمس سنوات. وتنص الاتفاقية على إنشاء مصنع لإنتاج الأسمدة الفوسفاتية بطاقة مليون طن سنوياً بجوار المنجم.

وقال وزير الطاقة إن المشروع سيوفر نحو ثلاثة آلاف فرصة عمل مباشرة، وإن الأولوية في التوظيف ستكون لأبناء المنطقة.

ومن المتوقع أن يبدأ الإنتاج التجريبي في عام 2028، على أن يُصدَّر الجزء الأكبر من الإنتاج إلى الأسواق الآسيوية.""",
    ),
    dict(
        n=33,
        slug="desalination-plant-opening",
        lang="ar",
        host="www.al-khaleej-daily.example",
        outlet="الخليج اليومية",
        section="محليات",
        path="local/desalination-plant-300000-opening",
        title="افتتاح محطة لتحلية المياه بطاقة 300 ألف متر مكعب يومياً",
        author="منى العبدالله",
        date="2026-02-24T10:00:00+04:00",
        summary="افتُتحت محطة جديدة لتحلية مياه البحر على الساحل الشرقي.",
        key="وقال وزير المياه إن المحطة ستغطي احتياجات نحو مليون ونصف مليون نسمة من مياه الشرب.",
        layout=["two-column", "no-article", "captions", "nav", "rtl", "cookie"],
        captions={0: "جانب من محطة التحلية الجديدة على الساحل الشرقي"},
        body="""\
افتُتحت أمس محطة جديدة لتحلية مياه البحر بتقنية التناضح العكسي على الساحل الشرقي، بطاقة إنتاجية تبلغ 300 ألف متر مكعب يومياً، بتكلفة إجمالية بلغت 650 مليون دولار.

وقال وزير المياه إن المحطة ستغطي احتياجات نحو مليون ونصف مليون نسمة من مياه الشرب. وأضاف أن المحطة تعمل جزئياً بالطاقة الشمسية، مما يخفض استهلاكها من الكهرباء بنسبة عشرين في المئة.

ونفّذ المشروع تحالف من شركات محلية وأجنبية بنظام البناء والتشغيل ونقل الملكية لمدة خمسة وعشرين عاماً.

وتعتمد البلاد على تحلية مياه البحر لتأمين أكثر من ثمانين في المئة من احتياجاتها من مياه الشرب.""",
    ),
    dict(
        n=34,
        slug="rare-earth-export-rules",
        lang="zh",
        host="www.caijing-zhoukan.example",
        outlet="财经周刊",
        section="财经",
        path="finance/20260311/rare-earth-export-licence",
        title="稀土出口新规下月实施　企业需申请许可",
        author="记者 王晓婷",
        date="2026-03-11T09:20:00+08:00",
        summary="商务部发布稀土出口管理新规，将于下月起施行。",
        key="新规要求出口企业在每批货物出运前至少四十五个工作日提交申请，并提供最终用户证明。",
        layout=["nav", "related", "article", "byline", "share"],
        body="""\
商务部11日发布关于稀土相关物项出口管理的公告，自4月1日起，对七类中重稀土及其氧化物、合金实施出口许可管理。

新规要求出口企业在每批货物出运前至少四十五个工作日提交申请，并提供最终用户证明。未经许可擅自出口的，将依法追究责任。

商务部新闻发言人表示，此举是为了维护国家安全和利益，履行防扩散等国际义务，并非针对特定国家和地区。对于符合规定的申请，将依法予以许可。

业内人士分析称，新规可能在短期内影响部分出口订单的交付，海外下游企业或将加快建立库存。受消息影响，稀土板块股票11日普遍上涨。""",
    ),
    dict(
        n=35,
        slug="ev-price-war",
        lang="zh",
        host="www.qiche-xinwen.example",
        outlet="汽车新闻网",
        section="汽车",
        path="news/2026-05-20/ev-price-cuts",
        title="电动车价格战升级　多家车企下调售价",
        author="李明",
        date="2026-05-20T15:40:00+08:00",
        summary="进入五月以来，多家汽车企业宣布下调电动车型售价。",
        key="其中，华锐汽车将旗下三款车型的起售价下调了一万二千元，降幅最高达百分之九。",
        layout=["comments", "two-column", "no-article", "nav", "ads", "comment-articles"],
        body="""\
进入五月以来，已有至少八家汽车企业宣布下调旗下电动车型的售价或推出限时优惠，新一轮价格战明显升级。

其中，华锐汽车将旗下三款车型的起售价下调了一万二千元，降幅最高达百分之九。另有两家新势力品牌推出“零首付”和“五年免息”等金融方案。

行业协会数据显示，四月份新能源乘用车零售销量同比增长百分之二十六，但行业整体利润率已降至百分之四点三，为近五年来最低水平。

有分析人士指出，持续的价格战将加速行业洗牌，缺乏规模和技术优势的企业可能面临更大的经营压力。行业协会日前呼吁企业理性竞争，避免无序降价。""",
    ),
]
