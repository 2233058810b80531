#!/usr/bin/env python3
"""Convert a Formex 4 act of the Official Journal of the EU (ACT: TITLE, PREAMBLE, ENACTING.TERMS,
FINAL) into Markdown laid out as the Official Journal prints it: the title's first line as '# ',
the citations and recitals as paragraphs ('(1) …'), each division (KAPITEL / CHAPTER, Abschnitt /
Section) as a heading of its depth with its title line as a paragraph, each article as a heading
one level below its division ('Artikel 5' / 'Article 5') with its title line as a paragraph, each
numbered paragraph as '(1) …' / '1. …' and each point as 'a) …' / '(a) …' in a paragraph of its own,
all labels as printed. Footnotes are printed at the
end of the document, as EUR-Lex prints them, as '(n) text'; their call in the text stays '(n)'.

Usage: formex_act_to_md.py act.xml > version.md
"""
import re
import sys
import xml.etree.ElementTree as ET

INLINE_SKIP = {"NOTE"}


def text_of(el, notes):
    """The element's text with inline markup resolved; footnotes are collected into notes."""
    parts = []

    def walk(e):
        tag = e.tag
        if tag == "HT" and e.get("TYPE") == "UC":
            sub = []
            for piece in e.itertext():
                sub.append(piece)
            parts.append(unindent("".join(sub)).upper())
            if e.tail:
                parts.append(unindent(e.tail))
            return
        if tag in ("QUOT.START", "QUOT.END"):
            parts.append(chr(int(e.get("CODE"), 16)))
        elif tag == "NOTE":
            notes.append(e)
            parts.append("(" + str(len(notes_all) + len(notes)) + ")")
            parts.append(unindent(e.tail or ""))
            return
        else:
            if e.text:
                parts.append(unindent(e.text))
            for ch in e:
                walk(ch)
        if e is not el and e.tail:
            parts.append(unindent(e.tail))

    walk(el)
    return "".join(parts).strip()


def unindent(s):
    """The source file is indented (a line break and spaces around every element): that is layout
    of the file, not text; spaces of the text itself (before the line break) are kept."""
    return re.sub(r"\n[ \t]*", "", s)


notes_all = []


class Writer:
    def __init__(self):
        self.out = []
        self.pending = []

    def para(self, text):
        if text:
            self.out.append(text)
            self.out.append("")

    def inline(self, el, prefix=""):
        notes = []
        t = text_of(el, notes)
        self.para((prefix + " " + t).strip() if prefix else t)
        self.pending.extend(notes)
        notes_all.extend(notes)

    def flush_notes(self, final=False):
        if not final:
            return
        for n in self.pending:
            idx = notes_all.index(n) + 1
            body = " ".join(text_of(p, []) for p in n) if len(n) else text_of(n, [])
            self.para("(" + str(idx) + ") " + body)
        self.pending = []

    def heading(self, level, text):
        self.out.append("#" * level + " " + text)
        self.out.append("")

    # ---- structure
    def np(self, np, depth=0):
        label = np.find("NO.P")
        txt = np.find("TXT")
        lab = text_of(label, []) if label is not None else ""
        if txt is not None:
            self.inline(txt, lab)
        for ch in np:
            if ch.tag in ("P", "ALINEA"):
                self.block(ch)
            elif ch.tag == "LIST":
                self.list(ch)

    def list(self, lst):
        for item in lst:
            if item.tag != "ITEM":
                continue
            for ch in item:
                if ch.tag == "NP":
                    self.np(ch)
                elif ch.tag == "P":
                    self.inline(ch)
                elif ch.tag == "LIST":
                    self.list(ch)
                elif ch.tag == "ALINEA":
                    self.block(ch)

    def block(self, el, prefix=""):
        """An ALINEA or P: text, possibly with lists inside; prefix goes on its first line."""
        kids = [c for c in el if c.tag in ("P", "LIST", "NP", "ALINEA", "TABLE", "GR.SEQ")]
        if not kids:
            self.inline(el, prefix)
            return
        # text before the first structured child
        lead = ET.Element("X")
        lead.text = el.text
        first = True
        for c in el:
            if c.tag in ("P", "LIST", "NP", "ALINEA", "TABLE", "GR.SEQ"):
                break
            lead.append(c)
        if (lead.text and lead.text.strip()) or len(lead):
            self.inline(lead, prefix)
            first = False
        for c in kids:
            p = prefix if first else ""
            first = False
            if c.tag == "P":
                self.inline(c, p)
            elif c.tag == "LIST":
                if p:
                    self.para(p)
                self.list(c)
            elif c.tag == "NP":
                self.np(c)
            else:
                self.block(c, p)

    def article(self, art, level):
        self.heading(level, text_of(art.find("TI.ART"), []))
        sti = art.find("STI.ART")
        if sti is not None:
            self.inline(sti)
        for ch in art:
            if ch.tag == "PARAG":
                no = ch.find("NO.PARAG")
                lab = text_of(no, []) if no is not None else ""
                first = True
                for c in ch:
                    if c.tag == "ALINEA":
                        self.block(c, lab if first else "")
                        first = False
            elif ch.tag == "ALINEA":
                self.block(ch)
        self.flush_notes()

    def division(self, div, level):
        ti = div.find("TITLE")
        if ti is not None:
            head = ti.find("TI")
            self.heading(level, text_of(head, []))
            sti = ti.find("STI")
            if sti is not None:
                self.inline(sti)
        for ch in div:
            if ch.tag == "DIVISION":
                self.division(ch, level + 1)
            elif ch.tag == "ARTICLE":
                self.article(ch, level + 1)

    def act(self, root):
        title = root.find("TITLE/TI")
        ps = title.findall("P")
        self.heading(1, text_of(ps[0], []))
        for p in ps[1:]:
            self.inline(p)
        pre = root.find("PREAMBLE")
        for ch in pre:
            if ch.tag == "PREAMBLE.INIT" or ch.tag == "PREAMBLE.FINAL":
                self.inline(ch)
            elif ch.tag == "GR.VISA":
                for v in ch:
                    self.inline(v)
            elif ch.tag == "GR.CONSID":
                for c in ch:
                    if c.tag == "GR.CONSID.INIT":
                        self.inline(c)
                    elif c.tag == "CONSID":
                        for np in c.findall("NP"):
                            self.np(np)
            self.flush_notes()
        for ch in root.find("ENACTING.TERMS"):
            if ch.tag == "DIVISION":
                self.division(ch, 2)
            elif ch.tag == "ARTICLE":
                self.article(ch, 2)
        fin = root.find("FINAL")
        if fin is not None:
            for ch in fin:
                if ch.tag == "P":
                    self.inline(ch)
                elif ch.tag == "SIGNATURE":
                    for s in ch.iter():
                        if s.tag in ("PL.DATE", "P") and not any(x.tag == "P" for x in s):
                            self.inline(s)
        self.flush_notes(final=True)
        return "\n".join(self.out).rstrip() + "\n"


def main():
    root = ET.parse(sys.argv[1]).getroot()
    sys.stdout.write(Writer().act(root))


if __name__ == "__main__":
    main()
