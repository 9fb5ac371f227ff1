#!/usr/bin/env python3
"""Generates the benchmark inputs from an issue JSON.

  make_inputs.py SEED.json OUTDIR

Writes OUTDIR/seed.json (a copy), OUTDIR/big.json (the seed's sections
repeated until the issue is about 100 pages), and for both a XeLaTeX + ctex
source (NAME.tex) with the same content, so that every tool sets the same text.
"""
import json
import re
import sys
from pathlib import Path

TEX_SPECIAL = {'\\': r'\textbackslash{}', '{': r'\{', '}': r'\}', '#': r'\#', '$': r'\$',
               '%': r'\%', '&': r'\&', '_': r'\_', '~': r'\textasciitilde{}',
               '^': r'\textasciicircum{}'}


def tex_escape(s):
    return ''.join(TEX_SPECIAL.get(c, c) for c in s)


def inline(s):
    out = tex_escape(s)
    out = re.sub(r'\\\*\\\*|\*\*(.+?)\*\*', lambda m: r'{\heiti ' + m.group(1) + '}' if m.group(1) else '', out)
    out = re.sub(r'\*(.+?)\*', r'{\\kaishu \1}', out)
    return out


def body_tex(md):
    out = []
    for block in re.split(r'\n\s*\n', md.strip()):
        block = block.strip()
        if not block:
            continue
        m = re.match(r'^(#{1,6})\s+(.*)$', block)
        if m:
            out.append(r'\subsection*{' + inline(m.group(2)) + '}')
        else:
            out.append(inline(block.replace('\n', '')))
    return '\n\n'.join(out)


def to_tex(issue):
    title_lines = issue['title'].split('\n')
    y, m, d = (int(x) for x in issue['date'].split('-'))
    parts = [r'''\documentclass[UTF8]{ctexart}
\usepackage[a4paper,top=37mm,left=28mm,textwidth=156mm,textheight=225mm]{geometry}
\usepackage{xcolor,fancyhdr}
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKfamilyfont{zhhei}{Noto Sans CJK SC}
\setCJKfamilyfont{zhkai}{LXGW WenKai}
\renewcommand{\heiti}{\CJKfamily{zhhei}}
\renewcommand{\kaishu}{\CJKfamily{zhkai}}
\ctexset{section={format=\zihao{2}\bfseries\centering,numbering=false},
         subsection={format=\heiti\zihao{3},indent=2em,numbering=false}}
\setlength{\parindent}{2em}
\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}
\fancyfoot[RO]{\zihao{4}— \thepage{} —\hspace{1em}}\fancyfoot[LE]{\hspace{1em}\zihao{4}— \thepage{} —}
\begin{document}
\zihao{3}\linespread{1.3}\selectfont
\thispagestyle{fancy}
\begin{center}\color{red}\bfseries''']
    if issue.get('masthead'):
        parts.append(r'{\zihao{-2} ' + tex_escape(issue['masthead']) + r'}\\[4pt]')
    for i, line in enumerate(title_lines):
        size = r'\fontsize{48pt}{60pt}\selectfont' if i == len(title_lines) - 1 else r'\zihao{1}'
        parts.append('{' + size + ' ' + tex_escape(line) + r'}\\[6pt]')
    if issue.get('subtitle'):
        parts.append(r'{\kaishu\zihao{-2}（' + tex_escape(issue['subtitle']) + r'）}\\')
    parts.append(r'\end{center}')
    parts.append(r'\begin{center}第' + str(issue['number']) + r'期\end{center}')
    parts.append(r'\noindent\hspace{1em}' + tex_escape(issue['issuer']) + r'\hfill' +
                 f'{y}年{m}月{d}日' + r'\hspace{1em}\\[-6pt]{\color{red}\rule{\textwidth}{2pt}}')
    parts.append(r'\tableofcontents')
    for s in issue['sections']:
        parts.append(r'\section{' + tex_escape(s['title']) + '}')
        parts.append(body_tex(s['body']))
    if issue.get('closing_note'):
        parts.append(tex_escape(issue['closing_note']))
    parts.append(r'\end{document}')
    return '\n'.join(parts) + '\n'


def main():
    seed_path, outdir = Path(sys.argv[1]), Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    seed = json.loads(seed_path.read_text())
    big = dict(seed)
    big['sections'] = []
    for rep in range(8):
        for s in seed['sections']:
            big['sections'].append({'title': f'{s["title"]}（之{rep + 1}）', 'body': s['body']})
    for name, issue in (('seed', seed), ('big', big)):
        (outdir / f'{name}.json').write_text(json.dumps(issue, ensure_ascii=False, indent=1))
        (outdir / f'{name}.tex').write_text(to_tex(issue))


if __name__ == '__main__':
    main()
