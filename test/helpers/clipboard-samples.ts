// What the clipboard holds after copying an article from each kind of source, written by us in
// the shape those programs give it (their markup, not their words): Word on Windows (a whole
// document with its style sheet, fragment markers, MsoNormal spans, <o:p>, list paragraphs,
// a review comment), LibreOffice Writer, Google Docs (its guid wrapper and styled spans), a web
// page (scripts, styles, images, divs, a table) and a WhatsApp message (plain text).

/** Word for Windows, as Chromium reads it from the clipboard. */
export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/awa/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin-top:0cm;margin-bottom:8.0pt;line-height:107%;font-size:11.0pt;font-family:"Calibri",sans-serif;}
h1	{mso-style-name:"Titre 1";mso-style-link:"Titre 1 Car";font-size:16.0pt;color:#2F5496;}
-->
</style>
</head>

<body lang=FR style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->

<p class=MsoTitle><span lang=FR>Le pont de Kalanga rouvre<o:p></o:p></span></p>

<p class=MsoNormal><span lang=FR style='font-size:12.0pt;line-height:107%;font-family:"Times New Roman",serif'>Après
huit mois de travaux, le pont qui relie les deux rives de Kalanga <b>rouvre
lundi</b> à la circulation, a annoncé la <i>mairie</i>.<span class=MsoCommentReference><span
style='font-size:8.0pt;line-height:107%'><a class=msocomanchor id="_anchor_1"
href="#_msocom_1" name="_msoanchor_1">[AD1]</a>&nbsp;</span></span><o:p></o:p></span></p>

<p class=MsoNormal><span lang=FR><o:p>&nbsp;</o:p></span></p>

<h1><span lang=FR>Un chantier attendu<o:p></o:p></span></h1>

<p class=MsoNormal><span lang=FR>Les habitants faisaient un détour de 40&nbsp;kilomètres. Le détail
du budget est <a href="https://exemple.org/kalanga/budget_2027.pdf"><span style='color:#0563C1'>en
ligne</span></a>.<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:36.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=FR style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=FR>deux voies pour les voitures<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:36.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=FR style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=FR>une piste pour les vélos<o:p></o:p></span></p>

<p class=MsoNormal><span lang=FR><!--[if gte vml 1]><v:shape id="Image_x0020_1" type="#_x0000_t75"
style='width:200pt;height:150pt'><v:imagedata src="file:///C:/Users/awa/AppData/Local/Temp/msohtmlclip1/01/clip_image001.jpg"
o:title=""/></v:shape><![endif]--><![if !vml]><img width=267 height=200
src="file:///C:/Users/awa/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="Image_x0020_1"><![endif]><o:p></o:p></span></p>

<p class=MsoNormal><span lang=FR>La maire parle d’un « soulagement ».<o:p></o:p></span></p>

<div style='mso-element:comment-list'><![if !supportAnnotations]>
<hr class=msocomoff align=left size=1 width="33%">
<![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]>
<div id="_com_1" class=msocomtxt language=JavaScript><![endif]><p class=MsoCommentText><span
class=MsoCommentReference><span lang=FR style='font-size:8.0pt'>[AD1]</span></span><span
lang=FR>Vérifier la date avec la mairie.</span></p>
<![if !supportAnnotations]></div><![endif]></div>
</div>

<!--EndFragment-->
</body>
</html>`;

export const WORD_MARKDOWN = `## Le pont de Kalanga rouvre

Après huit mois de travaux, le pont qui relie les deux rives de Kalanga **rouvre lundi** à la circulation, a annoncé la *mairie*.

## Un chantier attendu

Les habitants faisaient un détour de 40\u00A0kilomètres. Le détail du budget est [en ligne](https://exemple.org/kalanga/budget_2027.pdf).

- deux voies pour les voitures
- une piste pour les vélos

La maire parle d’un « soulagement ».`;

/** LibreOffice Writer's clipboard: a whole XHTML-ish document, <font> and class="western". */
export const LIBREOFFICE_HTML = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 24.2.7.2 (Linux)"/>
<style type="text/css">p { margin-bottom: 0.25cm; line-height: 115%; background: transparent }
h2.western { font-family: "Liberation Sans", sans-serif; font-size: 16pt }</style></head>
<body lang="fr-FR" link="#000080" vlink="#800000" dir="ltr">
<p style="margin-bottom: 0cm; line-height: 100%"><font face="Liberation Serif, serif">La
saison des pluies commence <b>plus tôt</b> que prévu, selon la <i>météo
nationale</i>.</font></p>
<h2 class="western">Les agriculteurs inquiets</h2>
<p style="margin-bottom: 0cm; line-height: 100%">Ils ont semé <strong>trop
tard</strong> : <a href="https://exemple.org/meteo">le bulletin</a> le confirme.</p>
<h3 class="western">Et maintenant&nbsp;?</h3>
<p style="margin-bottom: 0cm; line-height: 100%"><span style="font-weight: normal">Une
réunion est prévue jeudi.</span></p>
</body></html>`;

export const LIBREOFFICE_MARKDOWN = `La saison des pluies commence **plus tôt** que prévu, selon la *météo nationale*.

## Les agriculteurs inquiets

Ils ont semé **trop tard** : [le bulletin](https://exemple.org/meteo) le confirme.

### Et maintenant\u00A0?

Une réunion est prévue jeudi.`;

/**
 * Google Docs: everything inside a <b style="font-weight:normal"> that is not bold, weights and
 * italics in span styles, an empty paragraph as a <br>, an intertitle made by setting a short
 * line in bold, and a « Titre 2 » paragraph as <h2>.
 */
export const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5e3a1f0c-7fff-48d2-9c1e-2b4d6a8f0e13"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Le lycée de Dounfa a battu son record au baccalauréat.</span></p><br /><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Une équipe soudée</span></p><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;">Le proviseur salue </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;font-style:normal;">le travail</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;"> des professeurs et des </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:italic;">répétiteurs</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;">, détaille </span><a href="https://exemple.org/resultats" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;font-weight:400;font-style:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;">la liste des résultats</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;">.</span></p><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;">La suite à l’université</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;font-style:normal;">Neuf élèves sur dix</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;font-style:normal;"> veulent poursuivre leurs études.</span></p></b><br class="Apple-interchange-newline">`;

export const GOOGLE_DOCS_MARKDOWN = `Le lycée de Dounfa a battu son record au baccalauréat.

## Une équipe soudée

Le proviseur salue **le travail** des professeurs et des *répétiteurs*, détaille [la liste des résultats](https://exemple.org/resultats).

## La suite à l’université

**Neuf élèves sur dix** veulent poursuivre leurs études.`;

/** A news site's article page, selected from its headline to its table, with all its furniture. */
export const WEB_PAGE_HTML = `<div class="article-body" data-track="body" style="font-family:Georgia"><style>.pub{display:none}</style><script>window.dataLayer=window.dataLayer||[];dataLayer.push({event:'lecture'})</script><h1 class="headline" itemprop="headline">Le festival de Kalanga change de date</h1><div class="byline"><img src="https://exemple.org/auteurs/awa.jpg" alt="Awa" width="40"> Par <span class="author">Awa Dansira</span></div><p class="lead" style="font-size:1.2em"><span style="font-weight:bold">Les organisateurs</span> ont <em>enfin</em> tranché : ce sera en mars.</p><figure class="photo"><img src="https://exemple.org/photos/scene.jpg" alt="La grande scène" loading="lazy"><figcaption>La grande scène, l’an dernier. Photo DR</figcaption></figure><div class="para">Trois raisons sont avancées.<br>D’abord la chaleur.<br><br>Ensuite le calendrier scolaire.</div><p>Plus d’informations sur <a href="https://exemple.org/festival?utm_source=copie" class="lien" onclick="track()">le site du festival</a>, <a href="javascript:void(0)">ici</a> ou <a href="/interne/page">là</a>.</p><aside class="pub"><iframe src="https://pub.exemple.org/banniere"></iframe></aside><table class="programme"><thead><tr><th>Jour</th><th>Scène</th></tr></thead><tbody><tr><td>Jeudi</td><td>Les berges</td></tr></tbody></table><noscript><img src="https://exemple.org/pixel.gif"></noscript><button class="partager">Partager</button></div>`;

export const WEB_PAGE_MARKDOWN = `## Le festival de Kalanga change de date

Par Awa Dansira

**Les organisateurs** ont *enfin* tranché : ce sera en mars.

Trois raisons sont avancées.

D’abord la chaleur.

Ensuite le calendrier scolaire.

Plus d’informations sur [le site du festival](https://exemple.org/festival?utm_source=copie), ici ou là.

Jour – Scène

Jeudi – Les berges`;

/** A WhatsApp message copied from the phone or WhatsApp Web: plain text, one line a paragraph. */
export const WHATSAPP_TEXT = `  Bonjour la rédaction, voici mon papier  
*Incendie au marché de Dounfa*
Le feu a pris vers _4 heures du matin_ dans l'aile des tissus.
Aucun blessé selon les pompiers.
Photos sur https://exemple.org/photos/marche_dounfa_2026
• trois boutiques détruites
• une dizaine endommagées
Merci !`;

export const WHATSAPP_MARKDOWN = `Bonjour la rédaction, voici mon papier

**Incendie au marché de Dounfa**

Le feu a pris vers *4 heures du matin* dans l'aile des tissus.

Aucun blessé selon les pompiers.

Photos sur https://exemple.org/photos/marche_dounfa_2026

- trois boutiques détruites
- une dizaine endommagées

Merci !`;
