// A code list for choice fields: codes with labels in English and German. Lists are named in a definition's
// "codeLists", written inline on a field, or built in (Stuttgart's districts).
#pragma once

#include "forms/LocalizedText.h"

#include <QHash>
#include <QList>
#include <QString>

namespace casedesk::forms {

struct CodeListEntry {
    QString code; // the stored value
    LocalizedText label;
};

class CodeList {
public:
    CodeList() = default;
    CodeList(QString name, QList<CodeListEntry> entries);
    // A list maintained elsewhere (an XDatenfelder codelisteReferenz, "urn:de:..."): its entries are not
    // known here, so any code is accepted; the UI offers free text.
    static CodeList external(QString name, QString uri);

    // The 23 Stadtbezirke of Stuttgart, codes "01" (Mitte) to "23" (Zuffenhausen) in the city's official order
    // (five inner districts, then the outer ones alphabetically). Named "stuttgartDistricts".
    static const CodeList &stuttgartDistricts();

    const QString &name() const { return m_name; } // empty for an inline list
    const QList<CodeListEntry> &entries() const { return m_entries; }
    bool isExternal() const { return !m_externalUri.isEmpty(); }
    const QString &externalUri() const { return m_externalUri; }

    bool contains(const QString &code) const { return isExternal() || m_index.contains(code); }
    // The entry for `code`, or nullptr.
    const CodeListEntry *entry(const QString &code) const;

private:
    QString m_name;
    QString m_externalUri;
    QList<CodeListEntry> m_entries;
    QHash<QString, qsizetype> m_index;
};

} // namespace casedesk::forms
