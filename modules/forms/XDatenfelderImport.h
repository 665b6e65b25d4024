// Converts FIM XDatenfelder messages into CaseDesk form definitions (JSON, see FormDefinition.h):
// XDatenfelder 2.0 (namespace urn:xoev-de:fim:standard:xdatenfelder_2) and 3.0
// (urn:xoev-de:fim:standard:xdatenfelder_3.0.0), root xdatenfelder.stammdatenschema.0102 (a whole schema)
// or xdatenfelder.datenfeldgruppe.0103 (one data group, which becomes the form).
//
// Mapping: datenfeld -> field (feldart input/hidden/locked by datentyp: text -> text, date -> date, bool ->
// boolean, num -> decimal, num_int -> integer, num_currency -> money, file/obj -> documentRef; feldart select ->
// choice with the codelisteReferenz as an external code list or the inline werte as its list); datenfeldgruppe
// -> group; anzahl "min:max" -> required (min >= 1) or a repeatable group with minCount/maxCount (a repeated
// datenfeld becomes a repeatable group holding it as "value"); bezeichnungEingabe (else name) -> German label,
// hilfetextEingabe -> German help; praezisierung minLength/maxLength/minValue/maxValue/pattern -> limits.
// What has no equivalent (rules, static label fields, unusable limits) becomes a warning: never dropped
// silently. Input that does not follow the standard is refused with a message naming the element and line.
// Pure: takes the file's bytes, reads nothing else.
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace casedesk::forms {

class XDatenfelderImport {
public:
    static constexpr qint64 MaxBytes = 32 * 1024 * 1024;
    static constexpr int MaxDepth = 64;
    static constexpr int MaxElements = 200000;

    struct Output {
        QJsonObject definition; // accepted by FormDefinition::fromJson
        QStringList warnings;   // translated; what could not be carried over, one sentence each
    };

    static Result<Output> convert(const QByteArray &xml);
};

} // namespace casedesk::forms
