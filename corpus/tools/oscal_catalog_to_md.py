#!/usr/bin/env python3
"""Convert an OSCAL catalog (JSON) of NIST SP 800-53 into Markdown laid out as the publication
prints a control: the family as a heading, each control and each enhancement as a heading with
its printed label and title, the statement's items with their printed labels (a., 1., (a)),
then "Discussion:" and "Related Controls:". Parameters are shown as the publication shows them:
[Assignment: label] or [Selection (one or more): a; b]. Withdrawn controls print as
"[Withdrawn: Incorporated into X.]" or "[Withdrawn: Moved to X.]".

Usage: oscal_catalog_to_md.py catalog.json > version.md
Nothing is invented: every label and title comes from the catalog's own props/title fields.
"""
import json
import re
import sys

INSERT = re.compile(r"\{\{\s*(?:insert:\s*param,\s*)?([A-Za-z0-9_.\-]+)\s*\}\}")


def label_of(node):
    for p in node.get("props", []):
        if p.get("name") == "label" and p.get("class") != "zero-padded":
            return p["value"]
    return None


class Catalog:
    def __init__(self, cat):
        self.cat = cat
        self.params = {}
        self.labels = {}
        for g in cat.get("groups", []):
            for c in g.get("controls", []):
                self._index(c)

    def _index(self, c):
        self.labels[c["id"]] = label_of(c) or c["id"].upper()
        for p in c.get("params", []):
            self.params[p["id"]] = p
        for s in c.get("controls", []):
            self._index(s)

    def param_text(self, pid):
        p = self.params.get(pid)
        if p is None:
            return "[" + pid + "]"
        if "select" in p:
            sel = p["select"]
            how = sel.get("how-many")
            head = "Selection (one or more)" if how == "one-or-more" else "Selection"
            choices = [self.prose(ch) for ch in sel.get("choice", [])]
            return "[" + head + ": " + "; ".join(choices) + "]"
        lab = p.get("label")
        if lab is None:
            guide = [g.get("prose", "") for g in p.get("guidelines", [])]
            lab = " ".join(guide) if guide else pid
        return "[Assignment: " + self.prose(lab) + "]"

    def prose(self, text):
        return INSERT.sub(lambda m: self.param_text(m.group(1)), text)

    def items(self, parts, depth, out):
        for part in parts:
            if part.get("name") != "item":
                continue
            lab = label_of(part)
            text = self.prose(part.get("prose", "")).strip()
            line = "  " * depth + "- " + ((lab + " ") if lab else "") + text
            out.append(line.rstrip())
            self.items(part.get("parts", []), depth + 1, out)

    def control(self, c, level, out):
        lab = label_of(c) or c["id"].upper()
        title = c.get("title", "")
        out.append("#" * level + " " + lab + " " + title)
        out.append("")
        status = {p["value"] for p in c.get("props", []) if p.get("name") == "status"}
        if "withdrawn" in status:
            into = [self.labels.get(l["href"].lstrip("#"), l["href"].lstrip("#"))
                    for l in c.get("links", []) if l.get("rel") == "incorporated-into"]
            moved = [self.labels.get(l["href"].lstrip("#"), l["href"].lstrip("#"))
                     for l in c.get("links", []) if l.get("rel") == "moved-to"]
            if moved:
                out.append("[Withdrawn: Moved to " + ", ".join(moved) + ".]")
            elif into:
                out.append("[Withdrawn: Incorporated into " + ", ".join(into) + ".]")
            else:
                out.append("[Withdrawn.]")
            out.append("")
        for part in c.get("parts", []):
            name = part.get("name")
            if name == "statement":
                head = "Control:" if level == 3 else ""
                own = self.prose(part.get("prose", "")).strip()
                first = (head + " " + own).strip()
                if first:
                    out.append(first)
                    out.append("")
                lines = []
                self.items(part.get("parts", []), 0, lines)
                if lines:
                    out.extend(lines)
                    out.append("")
            elif name == "guidance":
                out.append("Discussion: " + self.prose(part.get("prose", "")).strip())
                out.append("")
        related = [self.labels.get(l["href"].lstrip("#"), l["href"].lstrip("#"))
                   for l in c.get("links", []) if l.get("rel") == "related"]
        if level == 3 or related:
            out.append("Related Controls: " + (", ".join(related) + "." if related else "None."))
            out.append("")
        subs = c.get("controls", [])
        if subs and level == 3:
            out.append("Control Enhancements:" if any("withdrawn" not in {p["value"] for p in s.get("props", []) if p.get("name") == "status"} for s in subs) else "Control Enhancements: None.")
            out.append("")
        for s in subs:
            self.control(s, level + 1, out)

    def markdown(self):
        md = self.cat["metadata"]
        out = ["# " + md["title"], ""]
        if md.get("version"):
            out += ["Version " + md["version"], ""]
        for g in self.cat.get("groups", []):
            gid = g.get("id", "").upper()
            out.append("## " + (gid + " " if gid else "") + g.get("title", ""))
            out.append("")
            for c in g.get("controls", []):
                self.control(c, 3, out)
        return "\n".join(out).rstrip() + "\n"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cat = json.load(f)["catalog"]
    sys.stdout.write(Catalog(cat).markdown())


if __name__ == "__main__":
    main()
