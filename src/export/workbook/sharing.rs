//! The Sharing sheet: each partner's share under each way of sharing, year by year; then the
//! lines added up by option, class (kind, or how investment is funded) and way of sharing.
//! A partner's part of a class is the sum of its shares times those groups, as the engine
//! shares groups of alike lines.

use super::cells::{Formats, formula, number, print_setup, text};
use super::layout::{INPUTS, LineFlows, SHARING, Sharing, range_on};
use super::model::Model;
use rust_xlsxwriter::{Workbook, XlsxError};

/// Writes the Sharing sheet.
///
/// # Errors
/// When the workbook refuses a cell.
#[allow(clippy::too_many_lines, clippy::needless_range_loop)]
pub fn write(book: &mut Workbook, m: &Model<'_>) -> Result<(), XlsxError> {
    let fm = Formats::new();
    let s = &m.sharing;
    let l = &m.inputs;
    let lf = &m.flows;
    let case = m.case;
    let years = m.years;
    let partners = case.partners.len();
    let sheet = book.add_worksheet();
    sheet.set_name(SHARING)?;
    text(sheet, 0, 0, "Sharing among the partners", &fm.title)?;
    text(
        sheet,
        1,
        0,
        "Shares: equal shares are 1 / the number of partners; a basis's share is the partner's weight over all the partners' weights that year. Groups: the lines of each option added up by class and by how they are shared. A partner's part of a class is SUMPRODUCT of its shares and the groups.",
        &fm.note,
    )?;
    for (c, h) in ["Partner", "Key", "Sharing"].iter().enumerate() {
        text(
            sheet,
            Sharing::HEADER,
            u16::try_from(c).unwrap_or(0),
            h,
            &fm.header,
        )?;
    }
    for t in 0..years {
        text(
            sheet,
            Sharing::HEADER,
            s.year(t, false),
            &case.year_label(t),
            &fm.header,
        )?;
    }
    let shares = &m.shares;
    for p in 0..partners {
        for k in 0..s.keys {
            let row = s.share_row(p, k);
            text(sheet, row, 0, &case.partners[p].name, &fm.label)?;
            number(
                sheet,
                row,
                1,
                f64::from(u32::try_from(k).unwrap_or(0)),
                &fm.whole,
            )?;
            text(sheet, row, 2, &m.key_name(k), &fm.label)?;
            for t in 0..years {
                let cached = shares[k]
                    .get(t)
                    .and_then(|x| x.shares.get(p))
                    .copied()
                    .unwrap_or_default();
                let text_formula = if k == 0 {
                    format!("1/{partners}")
                } else if k <= partners {
                    if k - 1 == p { "1" } else { "0" }.to_owned()
                } else {
                    let b = k - 1 - partners;
                    let col = super::layout::Inputs::YEAR0 + u16::try_from(t).unwrap_or(0);
                    let all = range_on(
                        INPUTS,
                        (l.weight_row(b, 0), col),
                        (l.weight_row(b, partners - 1), col),
                    );
                    let mine = super::layout::on(INPUTS, l.weight_row(b, p), col);
                    format!("IF(SUM({all})=0,1/{partners},{mine}/SUM({all}))")
                };
                formula(
                    sheet,
                    row,
                    s.year(t, false),
                    &text_formula,
                    cached,
                    &fm.factor,
                )?;
            }
        }
    }

    // Groups.
    let top = s.groups_header();
    for (c, h) in ["Option", "Class", "Key"].iter().enumerate() {
        text(sheet, top, u16::try_from(c).unwrap_or(0), h, &fm.header)?;
    }
    for t in 0..years {
        text(
            sheet,
            top,
            s.year(t, false),
            &format!("Cash: {}", case.year_label(t)),
            &fm.header,
        )?;
        text(
            sheet,
            top,
            s.year(t, true),
            &format!("Real terms: {}", case.year_label(t)),
            &fm.header,
        )?;
    }
    let sums = &m.groups;
    let option_col = lf.key_range(LineFlows::OPTION);
    let kind_col = lf.key_range(LineFlows::KIND);
    let funding_col = lf.key_range(LineFlows::FUNDING);
    let key_col = lf.key_range(LineFlows::KEY);
    for n in 0..s.options {
        for c in 0..s.classes {
            let class_name = m.class_name(c);
            let is_kind = c < super::layout::KINDS.len();
            for k in 0..s.keys {
                let row = s.group_row(n, c, k);
                number(
                    sheet,
                    row,
                    0,
                    f64::from(u32::try_from(n + 1).unwrap_or(0)),
                    &fm.whole,
                )?;
                text(sheet, row, 1, &class_name, &fm.label)?;
                number(
                    sheet,
                    row,
                    2,
                    f64::from(u32::try_from(k).unwrap_or(0)),
                    &fm.whole,
                )?;
                let criteria = format!(
                    "{option_col},{a},{},{b},{key_col},{c}",
                    if is_kind { &kind_col } else { &funding_col },
                    a = super::layout::fixed(row, 0),
                    b = super::layout::fixed(row, 1),
                    c = super::layout::fixed(row, 2),
                );
                let at = (n * s.classes + c) * s.keys + k;
                for t in 0..years {
                    formula(
                        sheet,
                        row,
                        s.year(t, false),
                        &format!("SUMIFS({},{criteria})", lf.range(2, t)),
                        sums[at][t][0],
                        &fm.pence,
                    )?;
                    if is_kind {
                        formula(
                            sheet,
                            row,
                            s.year(t, true),
                            &format!("SUMIFS({},{criteria})", lf.range(3, t)),
                            sums[at][t][1],
                            &fm.pence,
                        )?;
                    }
                }
            }
        }
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 38)?;
    sheet.set_column_width(2, 26)?;
    for t in 0..years {
        sheet.set_column_width(s.year(t, false), 14)?;
        sheet.set_column_width(s.year(t, true), 14)?;
    }
    sheet.set_freeze_panes(Sharing::HEADER + 1, 3)?;
    print_setup(sheet, Sharing::HEADER)?;
    Ok(())
}
