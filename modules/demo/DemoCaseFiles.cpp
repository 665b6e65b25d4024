// The case file around a demo case: its Vermerke (notes) and its documents (the application and every
// document the form references), made deterministically from the case alone.
#include "core/Uuid.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoIds.h"
#include "demo/DemoProcessWalker.h"
#include "demo/DemoTables.h"
#include "demo/DemoVocabulary.h"
#include "forms/CodeList.h"

#include <QJsonArray>
#include <QLocale>

namespace casedesk::demo {

namespace {

QString germanDate(const QDate &date)
{
    return date.toString(QStringLiteral("dd.MM.yyyy"));
}

QString sha256Hex(DemoRandom &rng)
{
    static const QLatin1String hex("0123456789abcdef");
    QString text;
    text.reserve(64);
    for (int word = 0; word < 4; ++word) {
        const quint64 bits = rng.next();
        for (int i = 15; i >= 0; --i)
            text += QChar(hex.at(static_cast<qsizetype>((bits >> (4 * i)) & 0xF)));
    }
    return text;
}

// A form value as the printed application shows it.
QString displayText(const forms::FormField &field, const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("ja") : QStringLiteral("nein");
    if (field.type == forms::FieldType::Money)
        return QLocale(QLocale::German).toCurrencyString(double(value.toInteger()) / 100.0, QStringLiteral("€"));
    if (field.codeList) {
        for (const forms::CodeListEntry &entry : field.codeList->entries()) {
            if (entry.code == value.toString())
                return entry.label.de;
        }
    }
    if (value.isDouble())
        return QString::number(value.toInteger()) + (field.unit.isEmpty() ? QString() : u' ' + field.unit);
    return value.toString();
}

// Walks the form data along its definition: every filled field in form order, with its row number in a
// repeatable group (0 outside one).
void forEachValue(const forms::FormField &group, const QJsonObject &data, int row,
                  const std::function<void(const forms::FormField &, const QJsonValue &, int)> &visit)
{
    for (const forms::FormField &field : group.fields) {
        const QJsonValue value = data.value(field.id);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!field.isGroup()) {
            visit(field, value, row);
            continue;
        }
        if (!field.repeatable) {
            forEachValue(field, value.toObject(), row, visit);
            continue;
        }
        const QJsonArray rows = value.toArray();
        for (qsizetype i = 0; i < rows.size(); ++i)
            forEachValue(field, rows.at(i).toObject(), int(i) + 1, visit);
    }
}

struct AttachmentSpec {
    const char *field;
    const char *name; // "{n}" is the row number
    const char *mime;
    DocumentKind kind;
    int minSize;
    int maxSize;
    const char *text; // extracted text; "{applicant}" and "{plate}" (the first registration number) replaced
};

// The documents a form field refers to, by the field's id in the bundled definitions.
constexpr AttachmentSpec attachmentSpecs[] = {
    {"registrationCertificate", "Zulassungsbescheinigung_Teil_I_{n}.pdf", "application/pdf", DocumentKind::Evidence,
     90'000, 900'000, "Zulassungsbescheinigung Teil I\nKennzeichen: {plate}\nHalter: {applicant}"},
    {"usageProof", "Nutzungsnachweis_{n}.pdf", "application/pdf", DocumentKind::Evidence, 60'000, 400'000,
     "Bestätigung der Nutzungsüberlassung für {plate}\nNutzer: {applicant}"},
    {"document", "Nachweis_{n}.pdf", "application/pdf", DocumentKind::Evidence, 60'000, 700'000,
     "Nachweis zum Antrag von {applicant}"},
    {"ownerConsent", "Zustimmung_Eigentuemer.pdf", "application/pdf", DocumentKind::Evidence, 40'000, 300'000,
     "Zustimmung der Grundstückseigentümerin zur Baumfällung\nAntrag von {applicant}"},
    {"sitePlan", "Lageplan.pdf", "application/pdf", DocumentKind::Evidence, 150'000, 1'500'000,
     "Lageplan M 1:500\nStandort der Bäume, Antrag von {applicant}"},
    {"photo", "Foto_Baum_{n}.jpg", "image/jpeg", DocumentKind::Evidence, 1'200'000, 4'800'000, ""},
    {"expertReport", "Baumgutachten.pdf", "application/pdf", DocumentKind::Evidence, 300'000, 2'500'000,
     "Baumgutachten zur Verkehrssicherheit\nAuftraggeber: {applicant}"},
};

const AttachmentSpec &attachmentSpec(const QString &field)
{
    for (const AttachmentSpec &spec : attachmentSpecs) {
        if (field == QLatin1String(spec.field))
            return spec;
    }
    return attachmentSpecs[2]; // any other reference is a piece of evidence
}

} // namespace

QList<Note> DemoGenerator::notesFor(const Case &c) const
{
    const Tables &t = *m_tables;
    const DemoVocabulary &v = DemoVocabulary::instance();
    const auto team = t.teamIndex.constFind(c.teamId);
    const int typeIndex = t.caseTypeOf(c.caseType);
    if (c.id.isNull() || team == t.teamIndex.constEnd() || !c.createdAt.isValid() || typeIndex < 0)
        return {};
    const Tables::TeamStaff &staff = t.teams[static_cast<std::size_t>(*team)];
    DemoRandom rng(DemoRandom::mix(DemoRandom::mix(m_seed) ^ demoIdBits(c.id) ^ quint64(DemoIdKind::Note)));

    int stage = 1;
    if (const CaseTypeContent *content = t.content[static_cast<std::size_t>(typeIndex)]) {
        const Result<workflow::WorkflowState> state =
            workflow::WorkflowState::fromJson(content->process, c.workflowState);
        if (state)
            stage = DemoProcessWalker::stage(content->process, *state);
    }
    QList<const DemoNoteText *> candidates;
    for (const DemoNoteText &text : v.noteTexts) {
        if (text.stage <= stage && (text.caseType.isEmpty() || text.caseType == c.caseType))
            candidates.append(&text);
    }
    const int wanted = stage == 0 ? static_cast<int>(rng.below(2)) : stage == 1 ? rng.between(1, 2) : rng.between(1, 3);
    const int count = std::min(wanted, static_cast<int>(candidates.size()));
    // Distinct texts (partial Fisher-Yates), then in process order.
    for (int k = 0; k < count; ++k)
        candidates.swapItemsAt(k, k + rng.below(static_cast<quint32>(candidates.size() - k)));
    candidates.resize(count);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const DemoNoteText *a, const DemoNoteText *b) { return a->stage < b->stage; });

    const qint64 createdMs = c.createdAt.toMSecsSinceEpoch();
    const QDate firstDay = t.localDate(createdMs);
    const QDate lastDay = std::max(firstDay, t.localDate(c.updatedAt.toMSecsSinceEpoch()));
    const qint64 days = firstDay.daysTo(lastDay);
    const quint64 caseIndex = demoIdIndex(c.id);
    const QString district = c.applicant.address.district.section(u'-', 1);
    const QString plateText = registrationOf(c);
    QList<Note> notes;
    qint64 previousMs = createdMs;
    for (int k = 0; k < count; ++k) {
        const QDate day = firstDay.addDays(days * (k + 1) / (count + 1));
        const qint64 ms = std::max(t.officeTime(rng, day, lastDay), previousMs + qint64(15) * 60'000);
        previousMs = ms;
        const QDate noteDay = t.localDate(ms);
        const DemoNoteText &text = *candidates.at(k);
        Note note;
        note.id = makeDemoId(ms, rng.next(), DemoIdKind::Note, caseIndex, quint64(k));
        note.caseId = c.id;
        const bool byClerk = !text.byTeamLead && !c.assigneeId.isNull() && rng.percent(85);
        note.authorId = byClerk ? c.assigneeId : staff.leadId;
        note.createdAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        note.text =
            QString(text.text)
                .replace(QLatin1String("{applicant}"), c.applicant.displayName())
                .replace(QLatin1String("{date}"), germanDate(noteDay))
                .replace(QLatin1String("{deadline}"), germanDate(noteDay.addDays(14)))
                .replace(QLatin1String("{district}"), district)
                .replace(QLatin1String("{plate}"), plateText.isEmpty() ? QStringLiteral("das Fahrzeug") : plateText);
        notes.append(note);
    }
    return notes;
}

QList<DocumentRef> DemoGenerator::documentsFor(const Case &c) const
{
    const Tables &t = *m_tables;
    const int typeIndex = t.caseTypeOf(c.caseType);
    if (c.id.isNull() || typeIndex < 0 || !c.createdAt.isValid())
        return {};
    const CaseTypeSpec &type = caseTypes[typeIndex];
    const CaseTypeContent *content = t.content[static_cast<std::size_t>(typeIndex)];
    DemoRandom rng(DemoRandom::mix(DemoRandom::mix(m_seed) ^ demoIdBits(c.id) ^ quint64(DemoIdKind::Document)));
    const qint64 createdMs = c.createdAt.toMSecsSinceEpoch();
    const QDate firstDay = t.localDate(createdMs);
    const QDate lastDay = std::max(firstDay, t.localDate(c.updatedAt.toMSecsSinceEpoch()));
    const QString holder = c.applicant.displayName();
    const QString registration = registrationOf(c);

    // Evidence comes with the application, or later when it was asked for (Nachforderung).
    auto evidenceMs = [&] {
        if (lastDay > firstDay && rng.percent(30)) {
            const QDate day = firstDay.addDays(rng.between(1, static_cast<int>(firstDay.daysTo(lastDay))));
            return std::max(t.officeTime(rng, day, lastDay), createdMs + 60'000);
        }
        return createdMs + rng.between(1, 120) * qint64(1000);
    };
    auto document = [&](const QUuid &id, const QString &name, const char *mime, DocumentKind kind, int minSize,
                        int maxSize, qint64 ms, QString text) {
        DocumentRef d;
        d.id = id;
        d.caseId = c.id;
        d.sha256 = sha256Hex(rng);
        d.size = rng.between(minSize, maxSize);
        d.name = name;
        d.mimeType = QString::fromLatin1(mime);
        d.kind = kind;
        d.addedAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        d.text = std::move(text);
        return d;
    };

    // The application as the portal printed it: every filled field with its German label.
    QString application = QString::fromUtf8(type.formHeading) + u'\n' + c.title +
                          QStringLiteral("\nAntragsteller/in: ") + holder + QStringLiteral("\nAnschrift: ") +
                          c.applicant.address.street + u' ' + c.applicant.address.houseNumber + QStringLiteral(", ") +
                          c.applicant.address.postcode + u' ' + c.applicant.address.city;
    struct Reference {
        QString field;
        QUuid id;
        int row;
    };
    QList<Reference> references;
    if (content) {
        forEachValue(content->form.root(), c.formData, 0,
                     [&](const forms::FormField &field, const QJsonValue &value, int row) {
                         if (field.type == forms::FieldType::DocumentRef) {
                             references.append({field.id, uuidFromString(value.toString()), row});
                             return;
                         }
                         application += u'\n' + field.label.de + QStringLiteral(": ") + displayText(field, value);
                     });
    }
    QList<DocumentRef> documents;
    documents.append(document(makeDemoId(createdMs, rng.next(), DemoIdKind::Document, demoIdIndex(c.id), 0),
                              QString::fromUtf8(type.formFile), "application/pdf", DocumentKind::Application, 38'000,
                              260'000, createdMs, application));
    for (const Reference &reference : std::as_const(references)) {
        if (reference.id.isNull())
            continue;
        const AttachmentSpec &spec = attachmentSpec(reference.field);
        documents.append(document(
            reference.id,
            QString::fromUtf8(spec.name).replace(QLatin1String("{n}"), QString::number(std::max(reference.row, 1))),
            spec.mime, spec.kind, spec.minSize, spec.maxSize, evidenceMs(),
            QString::fromUtf8(spec.text)
                .replace(QLatin1String("{applicant}"), holder)
                .replace(QLatin1String("{plate}"), registration)));
    }
    return documents;
}

QString DemoGenerator::registrationOf(const Case &c)
{
    const QJsonValue vehicles = c.formData.value(QLatin1String("vehicles"));
    const QJsonObject vehicle = vehicles.isArray() ? vehicles.toArray().first().toObject()
                                                   : c.formData.value(QLatin1String("vehicle")).toObject();
    return vehicle.value(QLatin1String("registration")).toString();
}

} // namespace casedesk::demo
