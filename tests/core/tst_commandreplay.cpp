// Replaying pending commands on a case: each command kind, compare-and-set conflicts that leave the case
// unchanged, and commands on a case that does not exist.
#include "core/CommandReplay.h"
#include "core/DocumentRef.h"
#include "core/Note.h"
#include "core/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace casedesk;

namespace {

const QUuid clerkAnna = QUuid::fromString(u"0190f5c2-0000-7000-8000-00000000a001");
const QUuid clerkBernd = QUuid::fromString(u"0190f5c2-0000-7000-8000-00000000b002");

Case sampleCase()
{
    Case result;
    result.id = QUuid::fromString(u"0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d");
    result.aktenzeichen = Aktenzeichen(QStringLiteral("32.10"), 123, 2026);
    result.caseType = QStringLiteral("bewohnerparken");
    result.title = QStringLiteral("Bewohnerparkausweis Zone S-West");
    result.applicant.givenName = QStringLiteral("Jürgen");
    result.applicant.familyName = QStringLiteral("Weiß");
    result.teamId = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000e1");
    result.assigneeId = clerkAnna;
    result.receivedDate = QDate(2026, 3, 2);
    result.formData = QJsonObject{{QStringLiteral("kennzeichen"), QStringLiteral("S-JW 1234")},
                                  {QStringLiteral("strasse"), QStringLiteral("Rotebühlstraße")},
                                  {QStringLiteral("anzahlFahrzeuge"), 1}};
    result.version = 7;
    return result;
}

Command makeCommand(CommandName name, const QJsonObject &args, const QUuid &caseId = sampleCase().id)
{
    Command command;
    command.id = createUuidV7();
    command.clientId = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000c1");
    command.clientSeq = 1;
    command.caseId = caseId;
    command.name = name;
    command.args = args;
    command.madeAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    return command;
}

QJsonObject edit(const QJsonValue &oldValue, const QJsonValue &newValue)
{
    return QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

QJsonObject setFieldsArgs(const QJsonObject &fields)
{
    return QJsonObject{{QStringLiteral("fields"), fields}};
}

QJsonObject assignArgs(const QString &expected, const QString &assignee)
{
    return QJsonObject{{QStringLiteral("expected"), expected}, {QStringLiteral("assignee"), assignee}};
}

// Bernd stands in for Anna.
QJsonObject deputyArgs()
{
    return {{QStringLiteral("user"), uuidToString(clerkAnna)}, {QStringLiteral("deputy"), uuidToString(clerkBernd)}};
}

QJsonObject claimArgs(const QString &expected)
{
    return QJsonObject{{QStringLiteral("expected"), expected}};
}

} // namespace

class TestCommandReplay : public QObject {
    Q_OBJECT

private slots:
    void createCase();
    void createCaseReplacesExisting();
    void setFields_data();
    void setFields();
    void setFieldsConflict_data();
    void setFieldsConflict();
    void assign_data();
    void assign();
    void claim_data();
    void claim();
    void setFollowUp();
    void commandsThatLeaveTheCase_data();
    void commandsThatLeaveTheCase();
    void consultationsChangeTheConsultingTeams();
    void missingCase_data();
    void missingCase();
    void invalidArgsChangeNothing();
    void rebasedArgs_data();
    void rebasedArgs();
};

void TestCommandReplay::createCase()
{
    Case created = sampleCase();
    created.aktenzeichen = Aktenzeichen(); // made offline: no Aktenzeichen yet
    created.version = 0;
    Case target;
    const Result<void> result =
        replayCommand(makeCommand(CommandName::CreateCase, QJsonObject{{QStringLiteral("case"), created.toJson()}}),
                      clerkAnna, &target);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(target, created);
}

void TestCommandReplay::createCaseReplacesExisting()
{
    Case target = sampleCase();
    Case replacement = sampleCase();
    replacement.title = QStringLiteral("Neuer Titel");
    QVERIFY(
        replayCommand(makeCommand(CommandName::CreateCase, QJsonObject{{QStringLiteral("case"), replacement.toJson()}}),
                      clerkAnna, &target)
            .ok());
    QCOMPARE(target, replacement);
}

void TestCommandReplay::setFields_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QJsonObject>("expectedFormData");

    const QJsonObject base = sampleCase().formData;
    QJsonObject changed = base;
    changed.insert(QStringLiteral("kennzeichen"), QStringLiteral("S-JW 4321"));
    QTest::newRow("change one") << QJsonObject{{QStringLiteral("kennzeichen"),
                                                edit(QStringLiteral("S-JW 1234"), QStringLiteral("S-JW 4321"))}}
                                << changed;

    QJsonObject added = base;
    added.insert(QStringLiteral("bemerkung"), QStringLiteral("Zweitwagen über Arbeitgeber"));
    QTest::newRow("fill an absent field (old null)")
        << QJsonObject{{QStringLiteral("bemerkung"), edit(QJsonValue::Null, QStringLiteral("Zweitwagen über "
                                                                                           "Arbeitgeber"))}}
        << added;

    QJsonObject removed = base;
    removed.remove(QStringLiteral("strasse"));
    QTest::newRow("null new clears") << QJsonObject{{QStringLiteral("strasse"),
                                                     edit(QStringLiteral("Rotebühlstraße"), QJsonValue::Null)}}
                                     << removed;

    QJsonObject several = base;
    several.insert(QStringLiteral("anzahlFahrzeuge"), 2);
    several.insert(QStringLiteral("fahrzeuge"), QJsonArray{QStringLiteral("S-JW 1234"), QStringLiteral("S-XY 99")});
    QTest::newRow("several, number and array")
        << QJsonObject{{QStringLiteral("anzahlFahrzeuge"), edit(1, 2)},
                       {QStringLiteral("fahrzeuge"),
                        edit(QJsonValue::Null, QJsonArray{QStringLiteral("S-JW 1234"), QStringLiteral("S-XY 99")})}}
        << several;
}

void TestCommandReplay::setFields()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QJsonObject, expectedFormData);

    Case target = sampleCase();
    Case expected = sampleCase();
    expected.formData = expectedFormData;
    const Result<void> result =
        replayCommand(makeCommand(CommandName::SetFields, setFieldsArgs(fields)), clerkAnna, &target);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(target, expected);
}

void TestCommandReplay::setFieldsConflict_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("conflictingField");

    QTest::newRow("old differs") << QJsonObject{{QStringLiteral("kennzeichen"),
                                                 edit(QStringLiteral("S-AB 1"), QStringLiteral("S-AB 2"))}}
                                 << "kennzeichen";
    QTest::newRow("old null but field set")
        << QJsonObject{{QStringLiteral("strasse"), edit(QJsonValue::Null, QStringLiteral("Königstraße"))}} << "strasse";
    QTest::newRow("old set but field absent")
        << QJsonObject{{QStringLiteral("bemerkung"), edit(QStringLiteral("alt"), QStringLiteral("neu"))}}
        << "bemerkung";
    QTest::newRow("number vs string") << QJsonObject{{QStringLiteral("anzahlFahrzeuge"), edit(QStringLiteral("1"), 2)}}
                                      << "anzahlFahrzeuge";
    // The first edit would apply, the second conflicts: neither may be applied.
    QTest::newRow("one of two conflicts")
        << QJsonObject{{QStringLiteral("kennzeichen"), edit(QStringLiteral("S-JW 1234"), QStringLiteral("S-JW 9"))},
                       {QStringLiteral("strasse"), edit(QStringLiteral("Marienstraße"), QStringLiteral("Tübinger "
                                                                                                       "Straße"))}}
        << "strasse";
}

void TestCommandReplay::setFieldsConflict()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, conflictingField);

    Case target = sampleCase();
    const Result<void> result =
        replayCommand(makeCommand(CommandName::SetFields, setFieldsArgs(fields)), clerkAnna, &target);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Conflict);
    QVERIFY2(result.error().message.contains(conflictingField), qPrintable(result.error().message));
    QCOMPARE(target, sampleCase());
}

void TestCommandReplay::assign_data()
{
    QTest::addColumn<QUuid>("current");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("assignee");
    QTest::addColumn<bool>("applies");

    const QString anna = uuidToString(clerkAnna);
    const QString bernd = uuidToString(clerkBernd);
    QTest::newRow("reassign") << clerkAnna << anna << bernd << true;
    QTest::newRow("assign unassigned") << QUuid() << QString() << bernd << true;
    QTest::newRow("unassign") << clerkAnna << anna << QString() << true;
    QTest::newRow("expected other clerk") << clerkAnna << bernd << bernd << false;
    QTest::newRow("expected unassigned, but assigned") << clerkAnna << QString() << bernd << false;
    QTest::newRow("expected clerk, but unassigned") << QUuid() << anna << bernd << false;
}

void TestCommandReplay::assign()
{
    QFETCH(QUuid, current);
    QFETCH(QString, expected);
    QFETCH(QString, assignee);
    QFETCH(bool, applies);

    Case target = sampleCase();
    target.assigneeId = current;
    const Case before = target;
    const Result<void> result =
        replayCommand(makeCommand(CommandName::Assign, assignArgs(expected, assignee)), clerkBernd, &target);
    QCOMPARE(result.ok(), applies);
    if (applies) {
        Case after = before;
        after.assigneeId = uuidFromString(assignee);
        QCOMPARE(target, after);
    } else {
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(target, before);
    }
}

void TestCommandReplay::claim_data()
{
    QTest::addColumn<QUuid>("current");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("applies");

    QTest::newRow("claim unassigned") << QUuid() << QString() << true;
    QTest::newRow("take over, expected holder") << clerkAnna << uuidToString(clerkAnna) << true;
    QTest::newRow("someone claimed first") << clerkAnna << QString() << false;
    QTest::newRow("expected holder left") << QUuid() << uuidToString(clerkAnna) << false;
}

void TestCommandReplay::claim()
{
    QFETCH(QUuid, current);
    QFETCH(QString, expected);
    QFETCH(bool, applies);

    Case target = sampleCase();
    target.assigneeId = current;
    const Case before = target;
    const Result<void> result =
        replayCommand(makeCommand(CommandName::Claim, claimArgs(expected)), clerkBernd, &target);
    QCOMPARE(result.ok(), applies);
    if (applies) {
        QCOMPARE(target.assigneeId, clerkBernd);
        target.assigneeId = before.assigneeId;
        QCOMPARE(target, before); // nothing else changed
    } else {
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QCOMPARE(target, before);
    }
}

void TestCommandReplay::setFollowUp()
{
    Case target = sampleCase();
    QVERIFY(replayCommand(makeCommand(CommandName::SetFollowUp,
                                      QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-04-15")}}),
                          clerkAnna, &target)
                .ok());
    QCOMPARE(target.followUpDate, QDate(2026, 4, 15));
    Case expected = sampleCase();
    expected.followUpDate = QDate(2026, 4, 15);
    QCOMPARE(target, expected);

    QVERIFY(replayCommand(makeCommand(CommandName::SetFollowUp, QJsonObject{{QStringLiteral("date"), QString()}}),
                          clerkAnna, &target)
                .ok());
    QVERIFY(target.followUpDate.isNull());
    QCOMPARE(target, sampleCase());
}

void TestCommandReplay::commandsThatLeaveTheCase_data()
{
    QTest::addColumn<int>("name");
    QTest::addColumn<QJsonObject>("args");

    Note note;
    note.id = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000d1");
    note.caseId = sampleCase().id;
    note.authorId = clerkAnna;
    note.text = QStringLiteral("Telefonat mit Herrn Weiß: Nachweis folgt per Post.");
    QTest::newRow("addNote") << int(CommandName::AddNote) << QJsonObject{{QStringLiteral("note"), note.toJson()}};
    DocumentRef document;
    document.id = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000f1");
    document.caseId = sampleCase().id;
    document.sha256 = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    document.name = QStringLiteral("Meldebescheinigung.pdf");
    QTest::newRow("attachDocument") << int(CommandName::AttachDocument)
                                    << QJsonObject{{QStringLiteral("document"), document.toJson()}};
    QTest::newRow("updateDocumentMeta") << int(CommandName::UpdateDocumentMeta)
                                        << QJsonObject{{QStringLiteral("documentId"), uuidToString(document.id)},
                                                       {QStringLiteral("kind"), QStringLiteral("evidence")}};
    QTest::newRow("setDeputy") << int(CommandName::SetDeputy) << deputyArgs();
    QTest::newRow("completeTask") << int(CommandName::CompleteTask)
                                  << QJsonObject{{QStringLiteral("taskId"), QStringLiteral("pruefung")},
                                                 {QStringLiteral("outcome"), QStringLiteral("genehmigt")}};
}

void TestCommandReplay::commandsThatLeaveTheCase()
{
    QFETCH(int, name);
    QFETCH(QJsonObject, args);
    Case target = sampleCase();
    const Result<void> result = replayCommand(makeCommand(CommandName(name), args), clerkAnna, &target);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(target, sampleCase());
}

void TestCommandReplay::consultationsChangeTheConsultingTeams()
{
    const QUuid nature = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000e2");
    const QUuid planning = QUuid::fromString(u"0190f5c2-0000-7000-8000-0000000000e3");
    const auto run = [](CommandName name, const QUuid &team, Case *target) {
        return replayCommand(makeCommand(name, {{QStringLiteral("team"), uuidToString(team)}}), clerkAnna, target);
    };
    Case target = sampleCase();
    QVERIFY(run(CommandName::RequestConsultation, nature, &target));
    QVERIFY(run(CommandName::RequestConsultation, planning, &target));
    QVERIFY(run(CommandName::RequestConsultation, nature, &target)); // asked again: once in the list
    QCOMPARE(target.consultingTeamIds, (QList<QUuid>{nature, planning}));
    QVERIFY(run(CommandName::EndConsultation, nature, &target));
    QCOMPARE(target.consultingTeamIds, QList<QUuid>{planning});
    QVERIFY(run(CommandName::EndConsultation, nature, &target)); // no longer consulted: nothing to end
    QCOMPARE(target.consultingTeamIds, QList<QUuid>{planning});
    // Everything else of the case stays, and the list survives the JSON round trip.
    Case expected = sampleCase();
    expected.consultingTeamIds = {planning};
    QCOMPARE(target, expected);
    QCOMPARE(Case::fromJson(target.toJson()).value(), target);
    QVERIFY(!sampleCase().toJson().contains(QStringLiteral("consultingTeams")));
}

void TestCommandReplay::missingCase_data()
{
    QTest::addColumn<int>("name");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<bool>("otherCase"); // false: target is empty; true: target is a different case

    for (const bool other : {false, true}) {
        const char *suffix = other ? " on another case" : " on no case";
        const auto row = [&](const char *label) -> QTestData & {
            return QTest::newRow(qPrintable(QLatin1String(label) + QLatin1String(suffix)));
        };
        row("setFields") << int(CommandName::SetFields)
                         << setFieldsArgs(QJsonObject{{QStringLiteral("a"), edit(QJsonValue::Null, 1)}}) << other;
        row("assign") << int(CommandName::Assign) << assignArgs(QString(), uuidToString(clerkAnna)) << other;
        row("claim") << int(CommandName::Claim) << claimArgs(QString()) << other;
        row("setFollowUp") << int(CommandName::SetFollowUp)
                           << QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-05-01")}} << other;
        row("completeTask") << int(CommandName::CompleteTask)
                            << QJsonObject{{QStringLiteral("taskId"), QStringLiteral("pruefung")}} << other;
        row("setDeputy") << int(CommandName::SetDeputy) << deputyArgs() << other;
    }
}

void TestCommandReplay::missingCase()
{
    QFETCH(int, name);
    QFETCH(QJsonObject, args);
    QFETCH(bool, otherCase);

    Case target;
    if (otherCase) {
        target = sampleCase();
        target.id = QUuid::fromString(u"0190f5c2-ffff-7000-8000-000000000000");
    }
    const Case before = target;
    const Result<void> result = replayCommand(makeCommand(CommandName(name), args), clerkAnna, &target);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(target, before);
}

void TestCommandReplay::invalidArgsChangeNothing()
{
    Case target = sampleCase();
    const QList<Command> invalid = {
        makeCommand(CommandName::SetFields, setFieldsArgs(QJsonObject())),
        makeCommand(CommandName::SetFields,
                    setFieldsArgs(QJsonObject{{QStringLiteral("kennzeichen"), QStringLiteral("S-JW 1")}})),
        makeCommand(CommandName::Assign, QJsonObject{{QStringLiteral("assignee"), QString()}}),
        makeCommand(CommandName::Claim, claimArgs(QStringLiteral("anna"))),
        makeCommand(CommandName::SetFollowUp, QJsonObject{{QStringLiteral("date"), QStringLiteral("15.04.2026")}}),
        makeCommand(CommandName::CreateCase, QJsonObject{{QStringLiteral("case"), QJsonObject()}}),
        // The created case must be the envelope's case.
        makeCommand(CommandName::CreateCase, QJsonObject{{QStringLiteral("case"), sampleCase().toJson()}},
                    QUuid::fromString(u"0190f5c2-ffff-7000-8000-000000000000")),
    };
    for (const Command &command : invalid) {
        const Result<void> result = replayCommand(command, clerkAnna, &target);
        QVERIFY2(!result.ok(), QJsonDocument(command.toJson()).toJson().constData());
        QCOMPARE(result.error().code, ErrorCode::Invalid);
        QCOMPARE(target, sampleCase());
    }
}

// "Apply mine" after a conflict: the expectations come from the current case, the user's values stay.
void TestCommandReplay::rebasedArgs_data()
{
    QTest::addColumn<CommandName>("name");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QJsonObject>("expected");
    const auto edit = [](const QJsonValue &oldValue, const QJsonValue &newValue) {
        return QJsonObject{{QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
    };
    const auto fields = [](const QJsonObject &edits) { return QJsonObject{{QStringLiteral("fields"), edits}}; };
    QTest::newRow("setFields: old values from the case, a missing field as null")
        << CommandName::SetFields
        << fields({{QStringLiteral("kennzeichen"), edit(QStringLiteral("S-XX 1"), QStringLiteral("S-JW 99"))},
                   {QStringLiteral("zone"), edit(QStringLiteral("West"), QStringLiteral("Ost"))}})
        << fields({{QStringLiteral("kennzeichen"), edit(QStringLiteral("S-JW 1234"), QStringLiteral("S-JW 99"))},
                   {QStringLiteral("zone"), edit(QJsonValue::Null, QStringLiteral("Ost"))}});
    QTest::newRow("assign: the current assignee expected")
        << CommandName::Assign
        << QJsonObject{{QStringLiteral("expected"), QString()}, {QStringLiteral("assignee"), uuidToString(clerkBernd)}}
        << QJsonObject{{QStringLiteral("expected"), uuidToString(clerkAnna)},
                       {QStringLiteral("assignee"), uuidToString(clerkBernd)}};
    QTest::newRow("claim: the current assignee expected")
        << CommandName::Claim << QJsonObject{{QStringLiteral("expected"), QString()}}
        << QJsonObject{{QStringLiteral("expected"), uuidToString(clerkAnna)}};
    const QJsonObject followUp{{QStringLiteral("date"), QStringLiteral("2026-04-01")}};
    QTest::newRow("setFollowUp: nothing expected, unchanged") << CommandName::SetFollowUp << followUp << followUp;
}

void TestCommandReplay::rebasedArgs()
{
    QFETCH(CommandName, name);
    QFETCH(QJsonObject, args);
    QFETCH(QJsonObject, expected);
    const Case current = sampleCase();
    const Command command = makeCommand(name, args);
    QCOMPARE(casedesk::rebasedArgs(command, current), expected);
    // The rebased command replays on the current case.
    Case target = current;
    QVERIFY(replayCommand(makeCommand(name, expected), clerkBernd, &target));
}

QTEST_GUILESS_MAIN(TestCommandReplay)
#include "tst_commandreplay.moc"
