#include "forms/CodeList.h"

namespace casedesk::forms {

CodeList::CodeList(QString name, QList<CodeListEntry> entries) : m_name(std::move(name)), m_entries(std::move(entries))
{
    m_index.reserve(m_entries.size());
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        m_index.insert(m_entries.at(i).code, i);
}

CodeList CodeList::external(QString name, QString uri)
{
    CodeList list(std::move(name), {});
    list.m_externalUri = std::move(uri);
    return list;
}

const CodeListEntry *CodeList::entry(const QString &code) const
{
    const auto it = m_index.constFind(code);
    return it == m_index.cend() ? nullptr : &m_entries.at(*it);
}

const CodeList &CodeList::stuttgartDistricts()
{
    // Place names are the same in both languages, except the inner districts, which read naturally translated.
    static const CodeList list(
        QStringLiteral("stuttgartDistricts"),
        {
            {QStringLiteral("01"), {QStringLiteral("Mitte (Centre)"), QStringLiteral("Mitte")}},
            {QStringLiteral("02"), {QStringLiteral("Nord (North)"), QStringLiteral("Nord")}},
            {QStringLiteral("03"), {QStringLiteral("Ost (East)"), QStringLiteral("Ost")}},
            {QStringLiteral("04"), {QStringLiteral("Süd (South)"), QStringLiteral("Süd")}},
            {QStringLiteral("05"), {QStringLiteral("West"), QStringLiteral("West")}},
            {QStringLiteral("06"), {QStringLiteral("Bad Cannstatt"), QStringLiteral("Bad Cannstatt")}},
            {QStringLiteral("07"), {QStringLiteral("Birkach"), QStringLiteral("Birkach")}},
            {QStringLiteral("08"), {QStringLiteral("Botnang"), QStringLiteral("Botnang")}},
            {QStringLiteral("09"), {QStringLiteral("Degerloch"), QStringLiteral("Degerloch")}},
            {QStringLiteral("10"), {QStringLiteral("Feuerbach"), QStringLiteral("Feuerbach")}},
            {QStringLiteral("11"), {QStringLiteral("Hedelfingen"), QStringLiteral("Hedelfingen")}},
            {QStringLiteral("12"), {QStringLiteral("Möhringen"), QStringLiteral("Möhringen")}},
            {QStringLiteral("13"), {QStringLiteral("Mühlhausen"), QStringLiteral("Mühlhausen")}},
            {QStringLiteral("14"), {QStringLiteral("Münster"), QStringLiteral("Münster")}},
            {QStringLiteral("15"), {QStringLiteral("Obertürkheim"), QStringLiteral("Obertürkheim")}},
            {QStringLiteral("16"), {QStringLiteral("Plieningen"), QStringLiteral("Plieningen")}},
            {QStringLiteral("17"), {QStringLiteral("Sillenbuch"), QStringLiteral("Sillenbuch")}},
            {QStringLiteral("18"), {QStringLiteral("Stammheim"), QStringLiteral("Stammheim")}},
            {QStringLiteral("19"), {QStringLiteral("Untertürkheim"), QStringLiteral("Untertürkheim")}},
            {QStringLiteral("20"), {QStringLiteral("Vaihingen"), QStringLiteral("Vaihingen")}},
            {QStringLiteral("21"), {QStringLiteral("Wangen"), QStringLiteral("Wangen")}},
            {QStringLiteral("22"), {QStringLiteral("Weilimdorf"), QStringLiteral("Weilimdorf")}},
            {QStringLiteral("23"), {QStringLiteral("Zuffenhausen"), QStringLiteral("Zuffenhausen")}},
        });
    return list;
}

} // namespace casedesk::forms
